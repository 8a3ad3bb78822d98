package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void createsSeparateDatabasesThatStoreRows() throws SQLException {
        PostgresServer server = PostgresServer.shared();

        JdbcDatabase plans = server.createDatabase("testkit_plans");
        JdbcDatabase progress = server.createUniqueDatabase("testkit_progress");
        execute(plans, "CREATE TABLE plan (id int PRIMARY KEY, phase text)");
        execute(plans, "INSERT INTO plan VALUES (1, 'mobility')");

        assertThat(query(plans, "SELECT phase FROM plan WHERE id = 1")).isEqualTo("mobility");
        assertThat(query(plans, "SHOW server_version")).startsWith("17.");
        assertThat(progress.databaseName()).matches("testkit_progress_[0-9a-f]{8}");
        assertThatThrownBy(() -> query(progress, "SELECT phase FROM plan"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
        server.dropDatabase(progress.databaseName());
    }

    @Test
    void createDatabaseStartsAgainFromEmpty() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        JdbcDatabase first = server.createDatabase("testkit_fresh");
        execute(first, "CREATE TABLE leftover (id int)");
        try (Connection open = first.connect()) {
            JdbcDatabase second = server.createDatabase("testkit_fresh");

            assertThat(open.isValid(1)).isFalse();
            assertThat(query(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void sharedServerIsStartedOncePerJvm() {
        assertThat(PostgresServer.shared().maintenanceDatabase())
                .isEqualTo(PostgresServer.shared().maintenanceDatabase());
    }

    @Test
    void environmentNamesAnExternalServer() {
        assertThat(
                        PostgresServer.namedBy(
                                Map.of(
                                        PostgresServer.URL_ENV,
                                        "jdbc:postgresql://db.internal:5432/postgres?sslmode=require",
                                        PostgresServer.USER_ENV,
                                        "ci",
                                        PostgresServer.PASSWORD_ENV,
                                        "secret")))
                .map(maintenance -> maintenance.withDatabase("footwork_test"))
                .contains(
                        new JdbcDatabase(
                                "jdbc:postgresql://db.internal:5432/footwork_test?sslmode=require",
                                "ci",
                                "secret"));
        assertThat(PostgresServer.namedBy(Map.of())).isEmpty();
        assertThatThrownBy(
                        () ->
                                PostgresServer.namedBy(
                                        Map.of(PostgresServer.URL_ENV, "jdbc:postgresql://h/")))
                .hasMessageContaining(PostgresServer.USER_ENV);
    }

    static void execute(JdbcDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String query(JdbcDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
