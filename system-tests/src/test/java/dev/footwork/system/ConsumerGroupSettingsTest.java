package dev.footwork.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kafka consumer of every service notices a dead group member within 10 s and rebalances
 * cooperatively, so a service restarted after a crash consumes again within seconds (Kafka's
 * default session timeout is 45 s). Read from the configuration the service runs with: its own
 * {@code application.properties} over service-support's shared defaults.
 */
class ConsumerGroupSettingsTest {

    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final int KAFKA_DEFAULT_SESSION_TIMEOUT_MS = 45_000;

    /** num.partitions of the local run's broker (deploy/local/footwork). */
    private static final int LOCAL_RUN_PARTITIONS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"assessment-service", "exercise-service", "progress-service"})
    void everyConsumerNoticesADeadMemberWithinTenSeconds(String service) throws IOException {
        Properties config = effectiveConfig(service);
        Set<String> channels = incomingChannels(config);

        assertThat(channels).isNotEmpty();
        for (String channel : channels) {
            int sessionTimeout =
                    Integer.parseInt(
                            setting(config, channel, "session.timeout.ms")
                                    .orElse(String.valueOf(KAFKA_DEFAULT_SESSION_TIMEOUT_MS)));
            assertThat(sessionTimeout)
                    .as("%s channel %s: session.timeout.ms", service, channel)
                    .isLessThanOrEqualTo(10_000);
            assertThat(setting(config, channel, "partition.assignment.strategy"))
                    .as("%s channel %s: partition.assignment.strategy", service, channel)
                    .hasValue("org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        }
    }

    /**
     * Every channel runs footwork.consumers.concurrency copies of its consumer (the channel
     * attribute concurrency), as many by default as the local run's topics have partitions, so that
     * polls of different partitions are applied at once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"assessment-service", "exercise-service", "progress-service"})
    void everyChannelRunsOneConsumerPerPartitionOfTheLocalRun(String service) throws IOException {
        Properties config = effectiveConfig(service);

        assertThat(config.getProperty("footwork.consumers.concurrency"))
                .as("%s: footwork.consumers.concurrency", service)
                .isEqualTo(String.valueOf(LOCAL_RUN_PARTITIONS));
        for (String channel : incomingChannels(config)) {
            assertThat(config.getProperty("mp.messaging.incoming." + channel + ".concurrency"))
                    .as("%s channel %s: concurrency", service, channel)
                    .isEqualTo("${footwork.consumers.concurrency}");
        }
    }

    /** The channel's own value, else the connector's, as SmallRye resolves them. */
    private static java.util.Optional<String> setting(
            Properties config, String channel, String name) {
        String own = config.getProperty("mp.messaging.incoming." + channel + "." + name);
        return java.util.Optional.ofNullable(
                own != null ? own : config.getProperty(CONNECTOR + name));
    }

    private static Set<String> incomingChannels(Properties config) {
        return config.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic"))
                .map(key -> key.substring("mp.messaging.incoming.".length(), key.length() - 6))
                .collect(Collectors.toSet());
    }

    private static Properties effectiveConfig(String service) throws IOException {
        Properties config = new Properties();
        load(
                config,
                Path.of(
                        "..",
                        "service-support",
                        "src/main/resources/META-INF/microprofile-config.properties"));
        load(config, Path.of("..", service, "src/main/resources/application.properties"));
        return config;
    }

    private static void load(Properties config, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            config.load(in);
        }
    }
}
