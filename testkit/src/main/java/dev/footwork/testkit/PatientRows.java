package dev.footwork.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds what a service's database still holds about a patient: every table of the public schema
 * with a {@code patient_ref} column, searched for the patient.
 */
public final class PatientRows {

    /**
     * Tables that keep the pseudonymous reference on purpose after an erasure: the erasure record
     * and tombstone, and the outbox (which keeps the erasure event itself until it is published).
     */
    public static final Set<String> KEPT_ON_ERASURE =
            Set.of("erasure_request", "erased_patient", "outbox_event", "audit_entry");

    private PatientRows() {}

    /** The tables, outside {@code except}, with at least one row naming the patient. */
    public static List<String> tablesNaming(
            Connection connection, String patientRef, Set<String> except) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement tables =
                        connection.prepareStatement(
                                "select table_name from information_schema.columns where"
                                        + " column_name = 'patient_ref' and table_schema ="
                                        + " 'public' order by table_name");
                ResultSet names = tables.executeQuery()) {
            while (names.next()) {
                String table = names.getString(1);
                if (except.contains(table)) {
                    continue;
                }
                try (PreparedStatement count =
                        connection.prepareStatement(
                                "select count(*) from " + table + " where patient_ref = ?")) {
                    count.setString(1, patientRef);
                    try (ResultSet n = count.executeQuery()) {
                        n.next();
                        if (n.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The CloudEvents types of the outbox rows that name the patient. */
    public static List<String> outboxTypes(Connection connection, String patientRef)
            throws SQLException {
        List<String> types = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement(
                        "select event_type from outbox_event where patient_ref = ? order by seq")) {
            query.setString(1, patientRef);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }
}
