package dev.footwork.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server on which tests create their own databases.
 *
 * <p>{@link #shared()} is the server the environment names ({@value #URL_ENV}, {@value #USER_ENV},
 * {@value #PASSWORD_ENV}; the URL points at a maintenance database such as {@code postgres}), or
 * else an embedded PostgreSQL 17 started once per JVM on a free port and stopped when the JVM
 * exits. Embedded servers run from the binaries in Maven jars ({@code io.zonky.test}); as root they
 * run inside {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String URL_ENV = "FOOTWORK_DB_URL";
    public static final String USER_ENV = "FOOTWORK_DB_USER";
    public static final String PASSWORD_ENV = "FOOTWORK_DB_PASSWORD";

    static final String EMBEDDED_USER = "postgres";
    // embedded servers trust local connections; the password is only there for configuration
    static final String EMBEDDED_PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String SHARED_EMBEDDED_PROPERTY = "footwork.testkit.postgres.url";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int UNIQUE_SUFFIX_LENGTH = 9; // "_" and 8 hex digits

    private final JdbcDatabase maintenance;
    private EmbeddedPostgres embedded;
    // set for a server started by restartable(): where its data lives across stop() and start()
    private final Path dataDirectory;

    private PostgresServer(JdbcDatabase maintenance, EmbeddedPostgres embedded) {
        this(maintenance, embedded, null);
    }

    private PostgresServer(
            JdbcDatabase maintenance, EmbeddedPostgres embedded, Path dataDirectory) {
        this.maintenance = maintenance;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    /**
     * The server for tests: the one named by the environment, else the embedded server shared by
     * the whole JVM. Closing the returned object does not stop a shared server.
     */
    public static PostgresServer shared() {
        Optional<JdbcDatabase> named = namedBy(System.getenv());
        if (named.isPresent()) {
            return external(named.get());
        }
        String url =
                JvmShared.address(SHARED_EMBEDDED_PROPERTY, PostgresServer.class, "startShared");
        return external(new JdbcDatabase(url, EMBEDDED_USER, EMBEDDED_PASSWORD));
    }

    // called through JvmShared, in the system class loader
    static String startShared() {
        PostgresServer server = embedded();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "footwork-postgres-stop"));
        return server.maintenance.jdbcUrl();
    }

    /** Starts a new embedded server on a free port, with data in a temporary directory. */
    public static PostgresServer embedded() {
        QuietLogging.apply();
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = builder().start();
            JdbcDatabase maintenance =
                    new JdbcDatabase(
                            "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                            EMBEDDED_USER,
                            EMBEDDED_PASSWORD);
            LOG.infof(
                    "Embedded PostgreSQL %s ready at %s in %d ms",
                    serverVersion(maintenance),
                    maintenance.jdbcUrl(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new PostgresServer(maintenance, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a new embedded server that {@link #stop()} and {@link #start()} can take down and
     * bring back on the same port and data directory, as a database outage for fault tests. {@link
     * #close()} stops it and deletes its data.
     */
    public static PostgresServer restartable() {
        QuietLogging.apply();
        try {
            Path data = Files.createTempDirectory("footwork-postgres-");
            EmbeddedPostgres postgres =
                    builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            JdbcDatabase maintenance =
                    new JdbcDatabase(
                            "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                            EMBEDDED_USER,
                            EMBEDDED_PASSWORD);
            LOG.infof(
                    "Restartable embedded PostgreSQL at %s, data in %s",
                    maintenance.jdbcUrl(), data);
            return new PostgresServer(maintenance, postgres, data);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "200")
                // test data need not survive a power cut
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
    }

    /**
     * Stops a server started by {@link #restartable()}, ending every connection; its data stays.
     */
    public synchronized void stop() {
        requireRestartable();
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
            embedded = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a server stopped by {@link #stop()} again, on the same port and data directory, and
     * returns once it accepts connections.
     */
    public synchronized void start() {
        requireRestartable();
        if (embedded != null) {
            return;
        }
        try {
            embedded =
                    builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port())
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL again", e);
        }
    }

    private int port() {
        String url = maintenance.jdbcUrl();
        String hostAndPort =
                url.substring(url.indexOf("//") + 2, url.indexOf('/', url.indexOf("//") + 2));
        return Integer.parseInt(hostAndPort.substring(hostAndPort.indexOf(':') + 1));
    }

    private void requireRestartable() {
        if (dataDirectory == null) {
            throw new IllegalStateException("only a server from restartable() stops and starts");
        }
    }

    /** A server someone else runs, reached through its maintenance database. */
    public static PostgresServer external(JdbcDatabase maintenance) {
        return new PostgresServer(maintenance, null);
    }

    static PostgresServer wrap(EmbeddedPostgres postgres) {
        return new PostgresServer(
                new JdbcDatabase(
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        EMBEDDED_USER,
                        EMBEDDED_PASSWORD),
                postgres);
    }

    static Optional<JdbcDatabase> namedBy(Map<String, String> environment) {
        String url = environment.get(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = environment.get(USER_ENV);
        if (user == null || user.isBlank()) {
            throw new IllegalStateException(URL_ENV + " is set, so " + USER_ENV + " must be too");
        }
        return Optional.of(
                new JdbcDatabase(url.strip(), user, environment.getOrDefault(PASSWORD_ENV, "")));
    }

    /** The maintenance database this server is reached through. */
    public JdbcDatabase maintenanceDatabase() {
        return maintenance;
    }

    /**
     * Creates an empty database, dropping any existing one of that name first (with its
     * connections). Names are lower-case letters, digits and underscores, at most 63 characters.
     */
    public JdbcDatabase createDatabase(String name) {
        checkName(name);
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        // template0 has no connections, so parallel creations cannot collide on their template
        execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
        return maintenance.withDatabase(name);
    }

    /**
     * Creates an empty database named {@code prefix} plus a random suffix ({@code _1a2b3c4d}), so
     * that runs sharing a server do not meet.
     */
    public JdbcDatabase createUniqueDatabase(String prefix) {
        if (prefix.length() + UNIQUE_SUFFIX_LENGTH > 63) {
            throw new IllegalArgumentException("Prefix too long for a database name: " + prefix);
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return createDatabase(prefix + "_" + HexFormat.of().formatHex(random));
    }

    /** Creates the database unless it exists; an existing one is left as it is. */
    public JdbcDatabase ensureDatabase(String name) {
        checkName(name);
        if (!exists(name)) {
            execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
        }
        return maintenance.withDatabase(name);
    }

    /** Drops the database if it exists, ending its connections. */
    public void dropDatabase(String name) {
        checkName(name);
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    /** Stops the server if this object started it; otherwise does nothing. Safe to repeat. */
    @Override
    public synchronized void close() {
        try {
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
            if (dataDirectory != null && Files.exists(dataDirectory)) {
                try (Stream<Path> paths = Files.walk(dataDirectory)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
    }

    private boolean exists(String name) {
        try (Connection connection = maintenance.connect();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up database " + name, e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = maintenance.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Failed on " + maintenance.jdbcUrl() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String serverVersion(JdbcDatabase database) {
        try (Connection connection = database.connect()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach " + database.jdbcUrl(), e);
        }
    }

    private static void checkName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database names are [a-z_][a-z0-9_]*, at most 63 characters: " + name);
        }
    }

    private static String quote(String name) {
        return '"' + name + '"';
    }
}
