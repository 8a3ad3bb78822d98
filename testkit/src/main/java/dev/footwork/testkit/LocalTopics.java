package dev.footwork.testkit;

import dev.footwork.contracts.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates Footwork's topics on a running broker for the local run, each with the configuration it
 * needs ({@link Topics#config}): an ingress topic must carry the broker's append time, which a
 * topic created on first use would not. An existing topic keeps its partitions; an ingress topic
 * whose configuration differs is corrected.
 *
 * <p>As a program: {@code LocalTopics --bootstrap HOST:PORT [--partitions N]}; prints one line per
 * corrected topic and {@code TOPICS <count>} when done.
 */
public final class LocalTopics {

    private static final long TIMEOUT_MS = 30_000;

    private LocalTopics() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        Optional<Integer> partitions = Optional.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--partitions" -> partitions = Optional.of(Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException(
                    "usage: LocalTopics --bootstrap HOST:PORT [--partitions N]");
        }
        KafkaBroker.createTopics(bootstrap, partitions, Topics.ALL);
        for (String corrected : correctConfigs(bootstrap, Topics.INGRESS)) {
            System.out.println("CORRECTED " + corrected);
        }
        System.out.println("TOPICS " + Topics.ALL.size());
    }

    /** Sets the configuration {@link Topics#config} asks for where an existing topic lacks it. */
    static List<String> correctConfigs(String bootstrap, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> corrected = new ArrayList<>();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<ConfigResource> resources =
                    topics.stream()
                            .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                            .toList();
            Map<ConfigResource, Config> current =
                    admin.describeConfigs(resources).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            for (ConfigResource resource : resources) {
                List<AlterConfigOp> changes = new ArrayList<>();
                Topics.config(resource.name())
                        .forEach(
                                (name, value) -> {
                                    ConfigEntry entry = current.get(resource).get(name);
                                    if (entry == null || !value.equals(entry.value())) {
                                        changes.add(
                                                new AlterConfigOp(
                                                        new ConfigEntry(name, value),
                                                        AlterConfigOp.OpType.SET));
                                    }
                                });
                if (!changes.isEmpty()) {
                    admin.incrementalAlterConfigs(Map.of(resource, changes))
                            .all()
                            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    corrected.add(resource.name());
                }
            }
        }
        return corrected;
    }
}
