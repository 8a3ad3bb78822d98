package dev.footwork.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives the application under test a fresh, empty database on {@link PostgresServer#shared()}: the
 * server the environment names, else the embedded one shared by the JVM. The service's own Flyway
 * migrations fill it at start.
 *
 * <p>Init arguments: {@code database}, the name (default {@value #DEFAULT_DATABASE}), dropped and
 * created anew at each start; {@code unique=true} appends a random suffix, for runs that share a
 * server, and drops the database again when the application stops.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    /** Init argument: the database name. */
    public static final String DATABASE = "database";

    /** Init argument: {@code true} to append a random suffix to the database name. */
    public static final String UNIQUE = "unique";

    public static final String DEFAULT_DATABASE = "footwork_test";

    private String name = DEFAULT_DATABASE;
    private boolean unique;
    private PostgresServer server;
    private JdbcDatabase created;

    @Override
    public void init(Map<String, String> initArgs) {
        TestResourceArgs args = new TestResourceArgs(initArgs);
        name = args.string(DATABASE, DEFAULT_DATABASE);
        unique = args.flag(UNIQUE);
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.shared();
        created = unique ? server.createUniqueDatabase(name) : server.createDatabase(name);
        return Map.of(
                "quarkus.datasource.jdbc.url", created.jdbcUrl(),
                "quarkus.datasource.username", created.username(),
                "quarkus.datasource.password", created.password(),
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (unique && created != null) {
            server.dropDatabase(created.databaseName());
        }
    }
}
