package dev.footwork.support.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks in the background, one thread per dependency, that PostgreSQL answers {@code select 1} and
 * that the Kafka cluster describes itself, each within a short timeout, and keeps the outcome for
 * readiness to read: a readiness check never waits on a dead broker or database.
 *
 * <p>The database probe has its own connection, not one of the pool's, so a pool busy with
 * consumers does not read as an outage; the Kafka probe has its own admin client, built from the
 * same {@code kafka.*} configuration as the channels so that security settings apply to it too.
 */
@ApplicationScoped
public class DependencyProbes {

    private final HealthConfig config;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, Object> kafkaConfig;
    private final String applicationName;
    private final Probe database = new Probe("database");
    private final Probe kafka = new Probe("kafka");
    private ScheduledExecutorService threads;
    private Connection connection;
    private Admin admin;

    @Inject
    DependencyProbes(
            HealthConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.kafkaConfig = kafkaConfig;
        this.applicationName = applicationName;
    }

    void onStart(@Observes StartupEvent event) {
        AtomicInteger count = new AtomicInteger();
        threads =
                Executors.newScheduledThreadPool(
                        2,
                        task -> {
                            Thread thread =
                                    new Thread(task, "footwork-probe-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        long interval = config.probeInterval().toMillis();
        threads.scheduleWithFixedDelay(
                () -> probe(database, this::selectOne), 0, interval, TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(
                () -> probe(kafka, this::describeCluster), 0, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (threads == null) {
            return;
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }

    Probe.Verdict database() {
        return database.verdict(config.staleAfter());
    }

    Probe.Verdict kafka() {
        return kafka.verdict(config.staleAfter());
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void probe(Probe probe, Check check) {
        long start = System.nanoTime();
        try {
            check.run();
            probe.succeeded(start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // a scheduled task that throws is never run again: every failure is kept instead
            probe.failed(e);
        }
    }

    private void selectOne() throws SQLException {
        if (connection == null) {
            Properties properties = new Properties();
            username.ifPresent(user -> properties.setProperty("user", user));
            password.ifPresent(secret -> properties.setProperty("password", secret));
            // PostgreSQL JDBC takes these in whole seconds
            String seconds = String.valueOf(Math.max(1, config.probeTimeout().toSeconds()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
            properties.setProperty("ApplicationName", applicationName + "-health");
            connection = driver().connect(jdbcUrl, properties);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
    }

    /**
     * The JDBC driver of the URL, found through this class's loader: DriverManager hands out only
     * drivers registered from the caller's class loader, and Quarkus tests start the application in
     * a new one after every restart.
     */
    private Driver driver() throws SQLException {
        for (Driver candidate :
                ServiceLoader.load(Driver.class, DependencyProbes.class.getClassLoader())) {
            if (candidate.acceptsURL(jdbcUrl)) {
                return candidate;
            }
        }
        throw new SQLException("no JDBC driver for " + jdbcUrl, "08001");
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is being dropped because it failed
            }
            connection = null;
        }
    }

    private void describeCluster() throws Exception {
        int timeoutMs = (int) config.probeTimeout().toMillis();
        if (admin == null) {
            admin = Admin.create(adminConfig(timeoutMs));
        }
        Collection<Node> nodes =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                        .nodes()
                        .get(timeoutMs, TimeUnit.MILLISECONDS);
        if (nodes.isEmpty()) {
            throw new IllegalStateException("the cluster names no broker");
        }
    }

    private Map<String, Object> adminConfig(int timeoutMs) {
        Map<String, Object> admin = new HashMap<>();
        kafkaConfig.forEach(
                (key, value) -> {
                    if (AdminClientConfig.configNames().contains(key)) {
                        admin.put(key, value);
                    }
                });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-health");
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return admin;
    }
}
