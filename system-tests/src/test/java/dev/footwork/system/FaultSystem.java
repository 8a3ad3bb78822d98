package dev.footwork.system;

import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.Topics;
import dev.footwork.testkit.ConsoleLogging;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.KafkaBroker;
import dev.footwork.testkit.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * The whole Footwork system for fault tests: a Kafka broker or cluster, a PostgreSQL server that
 * can be stopped and started, and the three packaged services as operating-system processes
 * (optionally several replicas of each), tuned so that they notice faults and recover quickly.
 */
final class FaultSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaultSystem.class);

    static final String ASSESSMENT = "assessment-service";
    static final String EXERCISE = "exercise-service";
    static final String PROGRESS = "progress-service";
    static final List<String> SERVICES = List.of(ASSESSMENT, EXERCISE, PROGRESS);
    static final Duration READY = Duration.ofSeconds(120);

    /** Partitions of every topic, so that replicas of a service share the work. */
    static final int PARTITIONS = 3;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Map<String, JdbcDatabase> databases = new LinkedHashMap<>();
    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    private final Map<String, String> extraEnv;
    private final Path root;
    private final Path logs;
    private final Admin admin;

    private FaultSystem(KafkaBroker kafka, String prefix, Map<String, String> extraEnv) {
        this.kafka = kafka;
        this.extraEnv = extraEnv;
        this.root = Path.of(System.getProperty("footwork.root", "..")).toAbsolutePath().normalize();
        this.logs = root.resolve("system-tests/target/service-logs/" + prefix);
        this.postgres = PostgresServer.restartable();
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                30_000));
        for (String service : SERVICES) {
            databases.put(service, postgres.createDatabase(prefix + "_" + service.split("-")[0]));
            replicas.put(service, new ArrayList<>());
        }
    }

    /**
     * Starts Kafka (from {@code broker}), PostgreSQL and one process of each service, and waits
     * until all are ready.
     */
    static FaultSystem start(
            java.util.function.Supplier<KafkaBroker> broker,
            String prefix,
            Map<String, String> extraEnv)
            throws Exception {
        ConsoleLogging.install();
        KafkaBroker kafka = broker.get();
        List<String> topics = new ArrayList<>(Topics.ALL);
        kafka.createTopics(PARTITIONS, topics.toArray(String[]::new));
        FaultSystem system = new FaultSystem(kafka, prefix, extraEnv);
        try {
            for (String service : SERVICES) {
                system.startReplica(service);
            }
            system.awaitAllReady();
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    /**
     * The environment every fault test gives the services: shorter waits than production, so that a
     * fault is noticed and recovered from in seconds.
     */
    static Map<String, String> tunedEnvironment() {
        Map<String, String> env = new TreeMap<>();
        // a dead consumer leaves its group within 6 s (10 s by default)
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_RECONNECT_BACKOFF_MAX_MS", "2000");
        env.put("FOOTWORK_OUTBOX_POLL_INTERVAL", "500ms");
        // the evaluation pass would raise alerts (and plan revisions) the totals do not model
        env.put("FOOTWORK_PROGRESS_EVALUATION_INTERVAL", "off");
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "5s");
        return env;
    }

    /** Starts one more process of the service (a first one, or a further replica). */
    ServiceProcess startReplica(String service) throws Exception {
        JdbcDatabase db = databases.get(service);
        Map<String, String> env = new TreeMap<>(tunedEnvironment());
        env.putAll(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevTokens.shared().publicKeyFile().toString());
        ServiceProcess process = ServiceProcess.start(root, service, env, logs);
        replicas.get(service).add(process);
        LOG.infof("Started %s (pid %d) on %s", service, process.pid(), process.baseUrl());
        return process;
    }

    void awaitAllReady() throws InterruptedException {
        for (List<ServiceProcess> processes : replicas.values()) {
            for (ServiceProcess process : processes) {
                process.awaitReady(READY);
            }
        }
    }

    /** The first live replica of the service, the one the load talks to. */
    ServiceProcess service(String service) {
        List<ServiceProcess> processes = replicas.get(service);
        return processes.stream()
                .filter(ServiceProcess::alive)
                .findFirst()
                .orElse(processes.get(0));
    }

    List<ServiceProcess> replicas(String service) {
        return List.copyOf(replicas.get(service));
    }

    /**
     * Kills one replica of the service with SIGKILL and starts it again at once on the same port
     * (not waiting for it to be ready).
     *
     * @return the new process
     */
    ServiceProcess killAndRestart(String service, int replica) throws Exception {
        ServiceProcess process = replicas.get(service).get(replica);
        long pid = process.pid();
        int exit = process.kill();
        ServiceProcess again = process.restart();
        replicas.get(service).set(replica, again);
        LOG.infof(
                "Killed %s replica %d (pid %d, exit %d); restarted as pid %d",
                service, replica, pid, exit, again.pid());
        return again;
    }

    /** Kills one replica with SIGKILL and leaves it dead. */
    void kill(String service, int replica) throws Exception {
        ServiceProcess process = replicas.get(service).get(replica);
        long pid = process.pid();
        int exit = process.kill();
        LOG.infof("Killed %s replica %d (pid %d, exit %d)", service, replica, pid, exit);
    }

    /** Starts a replica left dead by {@link #kill} again on its port. */
    ServiceProcess restart(String service, int replica) throws Exception {
        ServiceProcess again = replicas.get(service).get(replica).restart();
        replicas.get(service).set(replica, again);
        return again;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    PostgresServer postgres() {
        return postgres;
    }

    Admin admin() {
        return admin;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    JdbcDatabase database(String service) {
        return databases.get(service);
    }

    Map<String, JdbcDatabase> databases() {
        return Map.copyOf(databases);
    }

    /** Runs a query on the service's database and hands each row to {@code row}. */
    void query(String service, String sql, Consumer<ResultSet> row, Object... parameters)
            throws SQLException {
        try (Connection connection = databases.get(service).connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
        }
    }

    /** Waits until the service's database answers again (after a restart of PostgreSQL). */
    void awaitDatabase() {
        await("PostgreSQL back")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> {
                            try (Connection c = postgres.maintenanceDatabase().connect()) {
                                return c.isValid(2);
                            }
                        });
    }

    /** Waits until every consumer group has consumed every topic partition it reads to its end. */
    void awaitConsumersCaughtUp(Duration timeout) {
        await("every consumer group caught up")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> totalLag() == 0);
    }

    private long totalLag() throws Exception {
        long lag = 0;
        for (var group : admin.listGroups().all().get()) {
            var committed =
                    admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>
                    latest = new java.util.HashMap<>();
            committed
                    .keySet()
                    .forEach(
                            p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                long end = ends.get(entry.getKey()).offset();
                long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += Math.max(0, end - at);
            }
        }
        return lag;
    }

    /** The tail of each service's log, for a failure message. */
    String tails() {
        StringBuilder text = new StringBuilder();
        replicas.forEach(
                (service, processes) -> {
                    for (ServiceProcess process : processes) {
                        text.append("\n--- ")
                                .append(service)
                                .append(' ')
                                .append(process.baseUrl())
                                .append('\n')
                                .append(process.tail());
                    }
                });
        return text.toString();
    }

    @Override
    public void close() {
        for (List<ServiceProcess> processes : replicas.values()) {
            for (ServiceProcess process : processes) {
                try {
                    process.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        admin.close(Duration.ofSeconds(5));
        kafka.close();
        postgres.close();
    }
}
