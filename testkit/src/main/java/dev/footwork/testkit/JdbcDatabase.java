package dev.footwork.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.Driver;

/**
 * Where a PostgreSQL database is and how to log in to it. The URL has the form {@code
 * jdbc:postgresql://host[:port][,host[:port]...]/database[?parameters]}.
 */
public record JdbcDatabase(String jdbcUrl, String username, String password) {
    private static final String PREFIX = "jdbc:postgresql://";

    public JdbcDatabase {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "Expected jdbc:postgresql://host[:port]/[database][?parameters], was "
                            + jdbcUrl);
        }
    }

    /**
     * The default datasource of the Quarkus application a test runs in, as its configuration names
     * it ({@code quarkus.datasource.jdbc.url}, {@code .username}, {@code .password}).
     */
    public static JdbcDatabase ofQuarkusDatasource() {
        Config config = ConfigProvider.getConfig();
        return new JdbcDatabase(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        // not DriverManager: it only hands out drivers registered from the caller's class loader,
        // and Quarkus tests run in a new class loader after every application restart
        Properties login = new Properties();
        login.setProperty("user", username);
        login.setProperty("password", password);
        Connection connection = new Driver().connect(jdbcUrl, login);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + jdbcUrl);
        }
        return connection;
    }

    /** The database name in the URL; empty if the URL names none. */
    public String databaseName() {
        String base = withoutParameters();
        int slash = base.indexOf('/', PREFIX.length());
        return slash < 0 ? "" : base.substring(slash + 1);
    }

    /** The same server, credentials and URL parameters, another database. */
    JdbcDatabase withDatabase(String database) {
        String base = withoutParameters();
        int slash = base.indexOf('/', PREFIX.length());
        String hosts = slash < 0 ? base : base.substring(0, slash);
        String parameters = jdbcUrl.substring(base.length());
        return new JdbcDatabase(hosts + "/" + database + parameters, username, password);
    }

    private String withoutParameters() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public String toString() {
        return "JdbcDatabase[" + jdbcUrl + ", user " + username + "]";
    }
}
