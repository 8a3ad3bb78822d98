package dev.footwork.progress.support;

import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.PostgresServer;
import dev.footwork.testkit.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * A fresh database on the shared PostgreSQL server that the application reaches only through a
 * {@link TcpProxy}, so a test can take the database away from the service (and give it back)
 * without stopping the server the whole test JVM shares. A field {@code TcpProxy} of the test class
 * receives the proxy.
 *
 * <p>Later than the module-wide PostgresTestResource (order 0), so its datasource URL wins.
 */
public class ProxiedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private JdbcDatabase database;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        database = PostgresServer.shared().createDatabase("progress_outage_test");
        // jdbc:postgresql://host:port/database?parameters
        URI direct = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.to(direct.getHost(), direct.getPort());
        String proxied =
                "jdbc:postgresql://127.0.0.1:"
                        + proxy.port()
                        + direct.getRawPath()
                        + (direct.getRawQuery() == null ? "" : "?" + direct.getRawQuery());
        return Map.of(
                "quarkus.datasource.jdbc.url", proxied,
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
