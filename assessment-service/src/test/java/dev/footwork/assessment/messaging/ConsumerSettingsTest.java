package dev.footwork.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.assessment.ServiceQuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consumers the service really runs take service-support's shared group settings: a dead member
 * is noticed within 10 s and rebalances are cooperative (ConsumerGroupSettingsTest in system-tests
 * checks the configuration of all three services).
 */
@ServiceQuarkusTest
class ConsumerSettingsTest {

    @Inject KafkaClientService clients;

    @Test
    void everyConsumerNoticesADeadGroupMemberWithinTenSeconds() {
        // footwork.consumers.concurrency (3) copies of each channel, each a consumer of its own
        assertThat(clients.getConsumerChannels())
                .containsExactlyInAnyOrder(
                        "measurements$1",
                        "measurements$2",
                        "measurements$3",
                        "erasure-confirmations$1",
                        "erasure-confirmations$2",
                        "erasure-confirmations$3");
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
