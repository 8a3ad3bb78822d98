package dev.footwork.exercise.messaging;

import static dev.footwork.exercise.messaging.IngressFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PlatformCredential;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ingress topic of completions against the real broker, one case per credential a record may
 * carry: only the clinic's own valid integration token gets a completion logged (and published as
 * ExerciseCompleted by this service); any other is dead-lettered as {@code tenant-not-authorised}
 * and leaves no completion behind.
 */
@ServiceQuarkusTest
class IngressAccessMatrixTest {

    private static final String CLINIC = "clinic-ingress";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest
    @EnumSource(PlatformCredential.class)
    void onlyTheClinicsOwnValidCredentialGetsACompletionLogged(PlatformCredential credential) {
        String patient = IngressFixtures.newPatient();
        UUID planId = IngressFixtures.newPlan(bootstrapServers, CLINIC, patient);
        UUID completionId = UUID.randomUUID();
        CompletionSubmitted completion =
                IngressFixtures.towelGrab(completionId, planId, CLINIC, patient);
        ProducerRecord<String, byte[]> record =
                CloudEventRecords.record(
                        EventType.COMPLETION_SUBMITTED,
                        UUID.randomUUID().toString(),
                        IngressFixtures.PLATFORM_SOURCE,
                        completion,
                        credential.header(CLINIC));
        try (KafkaProducer<String, byte[]> producer = KafkaRecords.producer(bootstrapServers)) {
            producer.send(record);
        }

        String key = CLINIC + ":" + patient;
        if (credential.authorises()) {
            ConsumerRecord<String, String> completed =
                    KafkaRecords.find(
                                    bootstrapServers,
                                    Topics.COMPLETIONS,
                                    r ->
                                            key.equals(r.key())
                                                    && EventType.EXERCISE_COMPLETED
                                                            .type()
                                                            .equals(
                                                                    KafkaRecords.header(
                                                                            r,
                                                                            CloudEventAttributes
                                                                                    .TYPE)),
                                    WAIT)
                            .orElseThrow(
                                    () -> new AssertionError("no ExerciseCompleted for " + key));
            assertThat(KafkaRecords.header(completed, CloudEventAttributes.SOURCE))
                    .isEqualTo(EventSources.EXERCISE);
            assertThat(completed.value()).contains(completionId.toString());
            assertThat(IngressFixtures.stored(CLINIC, completionId)).isEqualTo(1);
            return;
        }
        PlatformCredential.awaitRefusal(
                bootstrapServers,
                Topics.EXERCISE_DEAD_LETTER,
                Topics.INGRESS_COMPLETIONS,
                key,
                WAIT);
        assertThat(IngressFixtures.storedFor(CLINIC, patient)).isZero();
    }
}
