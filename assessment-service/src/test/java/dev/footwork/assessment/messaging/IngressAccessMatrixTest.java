package dev.footwork.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PlatformCredential;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ingress topic of measurements against the real broker, one case per credential a record may
 * carry: only the clinic's own valid integration token gets a record classified; any other is
 * dead-lettered as {@code tenant-not-authorised}, without the token, and leaves no assessment
 * behind.
 */
@ServiceQuarkusTest
class IngressAccessMatrixTest {

    private static final String CLINIC = "clinic-ingress";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest
    @EnumSource(PlatformCredential.class)
    void onlyTheClinicsOwnValidCredentialGetsMeasurementsClassified(PlatformCredential credential) {
        String patient = "i-" + UUID.randomUUID().toString().substring(0, 8);
        MeasurementsSubmitted measurements =
                new MeasurementsSubmitted(
                        CLINIC,
                        patient,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        null,
                        List.of(
                                new FootMeasurements(
                                        Side.LEFT,
                                        null,
                                        9,
                                        new BigDecimal("11.0"),
                                        null,
                                        null,
                                        null)));
        ProducerRecord<String, byte[]> record =
                CloudEventRecords.record(
                        EventType.MEASUREMENTS_SUBMITTED,
                        UUID.randomUUID().toString(),
                        "/clinic-platform/ingress",
                        measurements,
                        credential.header(CLINIC));
        try (KafkaProducer<String, byte[]> producer = KafkaRecords.producer(bootstrapServers)) {
            producer.send(record);
        }

        String key = CLINIC + ":" + patient;
        if (credential.authorises()) {
            assertThat(
                            KafkaRecords.find(
                                    bootstrapServers,
                                    Topics.CLASSIFIED,
                                    r -> key.equals(r.key()),
                                    WAIT))
                    .as("FootClassified of %s", patient)
                    .isPresent();
            return;
        }
        ConsumerRecord<String, String> dead =
                PlatformCredential.awaitRefusal(
                        bootstrapServers,
                        Topics.ASSESSMENT_DEAD_LETTER,
                        Topics.MEASUREMENTS,
                        key,
                        WAIT);
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.CLINIC_ID)).isEqualTo(CLINIC);
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient)))
                .isZero();
    }
}
