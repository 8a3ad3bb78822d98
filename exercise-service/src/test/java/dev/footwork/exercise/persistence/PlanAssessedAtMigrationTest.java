package dev.footwork.exercise.persistence;

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

/**
 * V4 forgets the assessment time V3 made up for older plans (their issue time), and keeps the real
 * one of plans issued since.
 */
class PlanAssessedAtMigrationTest {

    @Test
    void aMadeUpAssessmentTimeIsForgottenARealOneKept() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        JdbcDatabase database = server.createUniqueDatabase("exercise_migration");
        try {
            flyway(database, "3").migrate();
            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                s.executeUpdate(
                        insertPlan(
                                "1b7e4a52-3f4e-4c56-9d2a-7d1f3c8e9a01",
                                "p-old",
                                "2026-11-20T09:30:00Z",
                                "2026-11-20T09:30:00Z"));
                s.executeUpdate(
                        insertPlan(
                                "2b7e4a52-3f4e-4c56-9d2a-7d1f3c8e9a02",
                                "p-new",
                                "2026-11-20T09:30:00Z",
                                "2026-11-20T08:00:00Z"));
            }

            flyway(database, "latest").migrate();

            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                assertThat(rows(s, "select patient_ref, assessed_at is null from plan order by 1"))
                        .containsExactly("p-new|f", "p-old|t");
            }
        } finally {
            server.dropDatabase(database.databaseName());
        }
    }

    private static String insertPlan(
            String id, String patient, String issuedAt, String assessedAt) {
        return "insert into plan (id, clinic_id, patient_ref, assessment_id, revision, status,"
                + " rules_version, starts_on, issued_at, content, updated_at, assessed_at) values ('"
                + id
                + "', 'clinic-v', '"
                + patient
                + "', gen_random_uuid(), 1, 'ACTIVE', 'plans-2026.1', '2026-11-20', '"
                + issuedAt
                + "', '{}', '"
                + issuedAt
                + "', '"
                + assessedAt
                + "')";
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
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2));
            }
        }
        return rows;
    }
}
