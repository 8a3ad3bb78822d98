package dev.footwork.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Rows seeded once per database for the tests that check which plans PostgreSQL chooses ({@link
 * SequentialScans}, {@link ClinicWideScans}): such a test needs large, analysed tables, and the
 * tests of a module share one database, so the first to run seeds them and the others find them.
 */
public final class SeededRows {

    /**
     * The audit trails of 50 clinics ({@code clinic-seed-0} to {@code clinic-seed-49}), 30,000
     * entries about patients {@code seed-0} to {@code seed-2999} in service-support's {@code
     * audit_entry}: so that a clinic's trail is a small part of the table, as with many clinics.
     */
    public static final String AUDIT_TRAILS =
            """
            insert into audit_entry (id, clinic_id, patient_ref, occurred_at, actor, roles,
                                     action, method, path, status)
            select gen_random_uuid(), 'clinic-seed-' || (n % 50), 'seed-' || (n % 3000),
                   now() - n * interval '1 second', 'seed', 'clinician', 'READ', 'GET',
                   '/api/v1/seed', 200
            from generate_series(0, 29999) n
            """;

    private SeededRows() {}

    /**
     * Runs {@code statements}, then {@code ANALYZE}, unless {@code countSeeded} (a query of one
     * count) finds seeded rows already.
     */
    public static void once(DataSource dataSource, String countSeeded, String... statements)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            try (ResultSet seeded = sql.executeQuery(countSeeded)) {
                seeded.next();
                if (seeded.getLong(1) > 0) {
                    return;
                }
            }
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("analyze");
        }
    }
}
