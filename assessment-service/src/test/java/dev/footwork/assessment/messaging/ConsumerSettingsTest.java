package dev.footwork.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.assessment.ServiceQuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The consumers the service really runs take service-support's shared group settings: a dead member
 * is noticed within 10 s and rebalances are cooperative (ConsumerGroupSettingsTest in system-tests
 * checks the configuration of all three services).
 */
@ServiceQuarkusTest
class ConsumerSettingsTest {

    @Inject KafkaClientService clients;

    @ConfigProperty(name = "footwork.consumers.concurrency")
    int copies;

    @Test
    void everyConsumerNoticesADeadGroupMemberWithinTenSeconds() {
        // each channel runs as copies <channel>$1..$n, one consumer each
        assertThat(clients.getConsumerChannels())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.of("measurements", "erasure-confirmations")
                                .flatMap(
                                        channel ->
                                                IntStream.rangeClosed(1, copies)
                                                        .mapToObj(copy -> channel + "$" + copy))
                                .toList());
        for (String channel : clients.getConsumerChannels()) {
            Map<String, ?> config = clients.getConsumer(channel).configuration();
            assertThat(String.valueOf(config.get("session.timeout.ms")))
                    .as(channel)
                    .isEqualTo("10000");
            assertThat(String.valueOf(config.get("partition.assignment.strategy")))
                    .as(channel)
                    .contains("CooperativeStickyAssignor");
        }
    }
}
