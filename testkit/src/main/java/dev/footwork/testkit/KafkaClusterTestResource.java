package dev.footwork.testkit;

import dev.footwork.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points the application under test at a fresh multi-broker cluster ({@link
 * KafkaBroker#cluster(int)}), for tests of what the service does when brokers fail.
 *
 * <p>Each use gets its own cluster, stopped with the application. Declare it with {@code
 * restrictToAnnotatedClass = true}, otherwise Quarkus applies it to every test in the module. A
 * field {@code @InjectKafkaCluster KafkaBroker cluster} of the test class receives the cluster.
 * Init arguments: {@code brokers} (default 3), {@code topics} and {@code partitions} as for {@link
 * KafkaTestResource}.
 */
public class KafkaClusterTestResource implements QuarkusTestResourceLifecycleManager {
    /** Init argument: number of brokers (default 3). */
    public static final String BROKERS = "brokers";

    private int brokers = 3;
    private List<String> topics = List.of();
    private Optional<Integer> partitions = Optional.empty();
    private KafkaBroker cluster;

    @Override
    public void init(Map<String, String> initArgs) {
        TestResourceArgs args = new TestResourceArgs(initArgs);
        brokers = args.integer(BROKERS).orElse(3);
        topics = args.list(KafkaTestResource.TOPICS);
        partitions = args.integer(KafkaTestResource.PARTITIONS);
    }

    @Override
    public Map<String, String> start() {
        cluster = KafkaBroker.cluster(brokers);
        KafkaBroker.createTopics(cluster.bootstrapServers(), partitions, topics);
        // before the application's consumers subscribe, which would create them without their
        // config
        KafkaBroker.createTopics(cluster.bootstrapServers(), Optional.empty(), Topics.INGRESS);
        return KafkaTestResource.config(cluster.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                cluster,
                new TestInjector.AnnotatedAndMatchesType(
                        InjectKafkaCluster.class, KafkaBroker.class));
    }

    /**
     * Later than {@link KafkaTestResource} (order 0): resources start in order and the last one's
     * {@code kafka.bootstrap.servers} wins, and a module-wide {@code KafkaTestResource} also
     * applies to the test classes that use this one.
     */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
