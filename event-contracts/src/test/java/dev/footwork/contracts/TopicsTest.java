package dev.footwork.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The split between the topics clinic platforms write and the internal ones. */
class TopicsTest {

    @Test
    void platformsWriteExactlyTheTwoIngressTopicsWhichCarryTheBrokersTime() {
        assertThat(Topics.INGRESS)
                .containsExactly(Topics.MEASUREMENTS, Topics.INGRESS_COMPLETIONS)
                .allSatisfy(
                        topic ->
                                assertThat(Topics.config(topic))
                                        .isEqualTo(
                                                Map.of("message.timestamp.type", "LogAppendTime")));
        assertThat(Topics.ALL)
                .filteredOn(topic -> !Topics.isIngress(topic))
                .allSatisfy(topic -> assertThat(Topics.config(topic)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anIngressTypeHasNoFootworkSourceAndEveryInternalTypeHasItsOwner(EventType type) {
        assertThat(type.source().isEmpty()).as(type.type()).isEqualTo(type.ingress());
    }
}
