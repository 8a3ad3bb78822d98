package dev.footwork.testkit;

import dev.footwork.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points the application under test at one in-JVM Kafka broker ({@link KafkaBroker#single()}).
 *
 * <p>The broker is started by the first test class that needs it and shared by every later one in
 * the same JVM, across Quarkus restarts; a shutdown hook stops it when the JVM exits. Init
 * arguments: {@code topics}, a comma-separated list of topics to create up front, and {@code
 * partitions}, their partition count (default 1). The ingress topics are always created, with the
 * broker's append time ({@link Topics#config}); other topics are created on first use.
 *
 * <p>Returns {@code kafka.bootstrap.servers} and switches Dev Services off, which would otherwise
 * look for Docker.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    /** Init argument: comma-separated topics to create before the application starts. */
    public static final String TOPICS = "topics";

    /** Init argument: partition count of the topics named by {@link #TOPICS}. */
    public static final String PARTITIONS = "partitions";

    private static final String SHARED_BROKER_PROPERTY = "footwork.testkit.kafka.bootstrap-servers";

    private List<String> topics = List.of();
    private Optional<Integer> partitions = Optional.empty();

    @Override
    public void init(Map<String, String> initArgs) {
        TestResourceArgs args = new TestResourceArgs(initArgs);
        topics = args.list(TOPICS);
        partitions = args.integer(PARTITIONS);
    }

    @Override
    public Map<String, String> start() {
        String bootstrapServers =
                JvmShared.address(
                        SHARED_BROKER_PROPERTY, KafkaTestResource.class, "startSharedBroker");
        KafkaBroker.createTopics(bootstrapServers, partitions, topics);
        // before the application's consumers subscribe, which would create them without their
        // config
        KafkaBroker.createTopics(bootstrapServers, Optional.empty(), Topics.INGRESS);
        return config(bootstrapServers);
    }

    /** Does nothing: the shared broker outlives each application and stops with the JVM. */
    @Override
    public void stop() {}

    static Map<String, String> config(String bootstrapServers) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.devservices.enabled", "false");
    }

    // called through JvmShared, in the system class loader
    static String startSharedBroker() {
        KafkaBroker broker = KafkaBroker.single();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "footwork-kafka-stop"));
        return broker.bootstrapServers();
    }
}
