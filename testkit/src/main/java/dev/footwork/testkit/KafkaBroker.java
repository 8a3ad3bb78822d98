package dev.footwork.testkit;

import dev.footwork.contracts.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A real Apache Kafka broker (KRaft mode) running inside this JVM, for tests.
 *
 * <p>{@link #single()} is one node acting as broker and controller, tuned for fast tests. {@link
 * #cluster(int)} is several brokers with a separate controller, for failure tests: topics are
 * replicated three times and need two in-sync replicas, so {@code acks=all} writes survive one
 * stopped broker and are refused when two are down.
 *
 * <p>Each broker keeps its data in its own temporary directory, which {@link #close()} deletes
 * after every node has stopped. Close every broker: one left open keeps its directory.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final Path directory;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaClusterTestKit cluster, Path directory, String bootstrapServers) {
        this.cluster = cluster;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts one combined broker-and-controller node with replication factor 1 throughout. */
    public static KafkaBroker single() {
        TestKitNodes.Builder nodes =
                new TestKitNodes.Builder(productionMetadata())
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1);
        return start(nodes, 1, 1, Map.of(), "Kafka broker (1 combined KRaft node)");
    }

    /**
     * Starts {@code brokers} brokers and one separate KRaft controller. Replication factor is
     * min(3, brokers) and min.insync.replicas one less (at least 1), for topics created
     * automatically, by {@link #createTopics} and for the offsets and transaction-state topics.
     *
     * <p>Controllers are separate because a combined multi-node quorum fails in Kafka 4.1.2.
     */
    public static KafkaBroker cluster(int brokers) {
        return cluster(brokers, Map.of());
    }

    /**
     * As {@link #cluster(int)}, with broker settings overridden, e.g. {@code
     * auto.create.topics.enable=false} for a test that deletes a topic and needs it to stay gone.
     */
    public static KafkaBroker cluster(int brokers, Map<String, String> overrides) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, was " + brokers);
        }
        TestKitNodes.Builder nodes =
                new TestKitNodes.Builder(productionMetadata())
                        .setCombined(false)
                        .setNumBrokerNodes(brokers)
                        .setNumControllerNodes(1);
        int replication = Math.min(3, brokers);
        return start(
                nodes,
                replication,
                Math.max(1, replication - 1),
                overrides,
                "Kafka cluster (" + brokers + " brokers, 1 KRaft controller)");
    }

    // The test kit would format the cluster at the newest testing metadata.version (4.2-IV1 in
    // 4.1.2); a production broker of this release starts at 4.1-IV1 with its default features.
    // kraft.version stays out: the formatter derives it from the (static) controller quorum.
    private static BootstrapMetadata productionMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = new TreeMap<>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            if (feature != Feature.KRAFT_VERSION) {
                features.put(feature.featureName(), feature.defaultLevel(version));
            }
        }
        return BootstrapMetadata.fromVersions(version, features, "footwork testkit");
    }

    private static KafkaBroker start(
            TestKitNodes.Builder nodes,
            int replication,
            int minInSync,
            Map<String, String> overrides,
            String description) {
        QuietLogging.apply();
        long started = System.nanoTime();
        Path directory = newDataDirectory();
        KafkaClusterTestKit cluster = null;
        try {
            KafkaClusterTestKit.Builder builder =
                    new KafkaClusterTestKit.Builder(nodes.setBaseDirectory(directory).build());
            Map<String, Object> config = serverConfig(replication, minInSync);
            config.putAll(overrides);
            config.forEach(builder::setConfigProp);
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrapServers = cluster.bootstrapServers();
            LOG.infof(
                    "%s ready at %s in %d ms",
                    description,
                    bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new KafkaBroker(cluster, directory, bootstrapServers);
        } catch (Exception e) {
            if (cluster != null) {
                closeQuietly(cluster, e);
            } else {
                deleteQuietly(directory, e);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start " + description, e);
        }
    }

    // Not the test kit's default directory: TestUtils.tempDirectory() registers a JVM shutdown hook
    // that deletes it, and shutdown hooks run concurrently. At JVM exit that hook deleted the log
    // directories of a broker still running (the shared one, stopped by its own hook); when the
    // broker's next high-watermark checkpoint (every 5 s) found them gone, it called Exit.halt(1)
    // ("Shutdown broker because all log dirs ... have failed") and the JVM exited with status 1
    // after all its tests had passed. KafkaClusterTestKit.close() deletes this directory itself,
    // after every node has stopped.
    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("footwork-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for Kafka", e);
        }
    }

    private static Map<String, Object> serverConfig(int replication, int minInSync) {
        Map<String, Object> config = new TreeMap<>();
        config.put("auto.create.topics.enable", "true");
        config.put("default.replication.factor", Integer.toString(replication));
        config.put("min.insync.replicas", Integer.toString(minInSync));
        config.put("offsets.topic.replication.factor", Integer.toString(replication));
        config.put("transaction.state.log.replication.factor", Integer.toString(replication));
        config.put("transaction.state.log.min.isr", Integer.toString(minInSync));
        config.put(
                "share.coordinator.state.topic.replication.factor", Integer.toString(replication));
        config.put("share.coordinator.state.topic.min.isr", Integer.toString(minInSync));
        // fewer internal partitions: the first consumer group and transaction start sooner
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.num.partitions", "5");
        // a controlled shutdown (stopBroker) is negotiated over heartbeats: every 2 s by default
        config.put("broker.heartbeat.interval.ms", "500");
        // tests join a group and expect to get partitions at once, not after 3 s
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    /** The brokers' client listener addresses, as {@code host:port,...}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding every node's logs and metadata; {@link #close()} deletes it. */
    Path dataDirectory() {
        return directory;
    }

    /** The node ids of the brokers, for {@link #stopBroker} and {@link #restartBroker}. */
    public Set<Integer> brokerIds() {
        return new TreeSet<>(cluster.brokers().keySet());
    }

    /**
     * Shuts one broker down (a controlled shutdown: its partition leadership moves first). Clients
     * keep working while enough replicas remain.
     */
    public void stopBroker(int id) {
        broker(id).shutdown();
    }

    /**
     * Starts a broker stopped by {@link #stopBroker} again, on its old log directories, and waits
     * until the cluster reports it alive (registered and unfenced).
     */
    public void restartBroker(int id) {
        broker(id).startup();
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        try (Admin admin = admin(bootstrapServers)) {
            while (System.nanoTime() < deadline) {
                boolean alive =
                        admin.describeCluster().nodes().get().stream()
                                .anyMatch(node -> node.id() == id);
                if (alive) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not watch broker " + id + " come back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for broker " + id, e);
        }
        throw new IllegalStateException("Broker " + id + " not back after " + ADMIN_TIMEOUT);
    }

    /**
     * Creates topics with the broker's default partition count, each with the configuration its
     * name asks for ({@link Topics#config}: the broker's append time on ingress topics); existing
     * topics are kept.
     */
    public void createTopics(String... names) {
        createTopics(bootstrapServers, Optional.empty(), Stream.of(names).toList());
    }

    /**
     * Creates topics with {@code partitions} partitions each; existing topics are kept as they are.
     */
    public void createTopics(int partitions, String... names) {
        createTopics(bootstrapServers, Optional.of(partitions), Stream.of(names).toList());
    }

    static void createTopics(
            String bootstrapServers, Optional<Integer> partitions, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> config =
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            var topics =
                    names.stream()
                            .map(
                                    name ->
                                            new NewTopic(name, partitions, Optional.empty())
                                                    .configs(Topics.config(name)))
                            .toList();
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topics " + names, e);
        }
    }

    /** Stops every node, then deletes the data directory; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Kafka broker", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) ADMIN_TIMEOUT.toMillis()));
    }

    // Kafka's storage formatter prints one line per directory to System.out, and the test kit
    // gives no way to redirect it; stdout is muted for the few milliseconds formatting takes
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
        }
    }

    private BrokerServer broker(int id) {
        BrokerServer broker = cluster.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException(
                    "No broker with id " + id + "; ids are " + brokerIds());
        }
        return broker;
    }

    private static void deleteQuietly(Path directory, Exception cause) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        try {
            cluster.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
