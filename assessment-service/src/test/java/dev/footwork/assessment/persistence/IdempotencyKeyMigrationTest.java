package dev.footwork.assessment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V4 moves the keys of a database from before it into the shared idempotency_key table. */
class IdempotencyKeyMigrationTest {

    private static final String ASSESSMENT = "0b7e4a52-3f4e-4c56-9d2a-7d1f3c8e9a01";

    @Test
    void storedKeysMoveToTheSharedTableWithTheirPatient() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        JdbcDatabase database = server.createUniqueDatabase("assessment_migration");
        try {
            flyway(database, "3").migrate();
            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                s.executeUpdate(
                        "insert into assessment (id, clinic_id, patient_ref, assessed_at,"
                                + " rule_set_version, asymmetry) values ('"
                                + ASSESSMENT
                                + "', 'clinic-v', 'p-v4', '2026-11-20T09:30:00Z',"
                                + " 'posture-2026.1', false)");
                s.executeUpdate(
                        "insert into assessment_request (clinic_id, idempotency_key,"
                                + " request_hash, assessment_id, created_at) values ('clinic-v',"
                                + " 'retry-1', 'ab12', '"
                                + ASSESSMENT
                                + "', '2026-11-20T09:30:01Z')");
            }

            flyway(database, "latest").migrate();

            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                assertThat(
                                rows(
                                        s,
                                        "select clinic_id, scope, idempotency_key, request_hash,"
                                                + " resource_id, patient_ref, (created_at ="
                                                + " '2026-11-20T09:30:01Z')::text from"
                                                + " idempotency_key"))
                        .containsExactly(
                                "clinic-v|assessments|retry-1|ab12|" + ASSESSMENT + "|p-v4|true");
                assertThat(
                                rows(
                                        s,
                                        "select count(*) from information_schema.tables where"
                                                + " table_name = 'assessment_request'"))
                        .containsExactly("0");
            }
        } finally {
            server.dropDatabase(database.databaseName());
        }
    }

    private static Flyway flyway(JdbcDatabase database, String target) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration", "classpath:db/support")
                .outOfOrder(true)
                .target(target)
                .load();
    }

    private static List<String> rows(Statement s, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(r.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
