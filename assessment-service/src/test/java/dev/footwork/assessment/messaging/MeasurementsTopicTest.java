package dev.footwork.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@ServiceQuarkusTest
class MeasurementsTopicTest {

    private static final String CLINIC = "clinic-k";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;

    @Test
    void publishedMeasurementsAreClassifiedLikeRestInput() {
        String patient = newPatient();
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        patient,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        "platform-7",
                        List.of(foot(Side.LEFT, 10), foot(Side.RIGHT, -6))));

        ConsumerRecord<String, String> classified =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.CLASSIFIED,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("no FootClassified for " + patient));
        assertThat(classified.value()).contains("HIGHLY_PRONATED").contains("HIGHLY_SUPINATED");
        Assessment stored =
                Tenancy.transaction(CLINIC)
                        .call(
                                () ->
                                        Assessment.<Assessment>find("patientRef", patient)
                                                .singleResult());
        assertThat(stored.clinicId).isEqualTo(CLINIC);
        assertThat(stored.assessor).isEqualTo("platform-7");
    }

    @Test
    void invalidMeasurementsAreDeadLetteredNamingTheFieldAndTheConsumerGoesOn() {
        String patient = newPatient();
        // valid against the schema, refused by the same rules as the REST API: in the future
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        patient,
                        Instant.now().plus(Duration.ofDays(3)),
                        null,
                        List.of(foot(Side.LEFT, 2))));
        ConsumerRecord<String, String> dead =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.ASSESSMENT_DEAD_LETTER,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("nothing dead-lettered"));
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("invalid-measurements");
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("assessedAt");

        String next = newPatient();
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        next,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        null,
                        List.of(foot(Side.LEFT, 2))));
        await().atMost(WAIT)
                .until(
                        () ->
                                Tenancy.transaction(CLINIC)
                                                .call(() -> Assessment.count("patientRef", next))
                                        == 1);
        long refused =
                Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient));
        assertThat(refused).isZero();
    }

    @Test
    void whatTheSchemaLetsThroughIsCheckedByTheSameRulesAsRestInput() {
        Map<String, FootMeasurements> refused =
                Map.of(
                        "feet[0].measured",
                        new FootMeasurements(
                                Side.LEFT, null, null, null, null, null, new BigDecimal("0.31")),
                        "feet[0].consistent",
                        new FootMeasurements(
                                Side.LEFT, List.of(1, 1, 1, 1, 1, 1), 2, null, null, null, null),
                        "feet[0].navicularDropMm",
                        new FootMeasurements(
                                Side.LEFT, null, null, new BigDecimal("6.25"), null, null, null));
        refused.forEach(
                (field, foot) -> {
                    String patient = newPatient();
                    publish(
                            UUID.randomUUID().toString(),
                            new MeasurementsSubmitted(
                                    CLINIC,
                                    patient,
                                    Instant.parse("2026-11-20T09:00:00Z"),
                                    null,
                                    List.of(foot)));
                    ConsumerRecord<String, String> dead =
                            KafkaRecords.find(
                                            bootstrapServers,
                                            Topics.ASSESSMENT_DEAD_LETTER,
                                            r -> (CLINIC + ":" + patient).equals(r.key()),
                                            WAIT)
                                    .orElseThrow(() -> new AssertionError(field + " not refused"));
                    assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                            .isEqualTo("invalid-measurements");
                    assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                            .startsWith(field + ": ");
                    assertThat(
                                    Tenancy.transaction(CLINIC)
                                            .call(() -> Assessment.count("patientRef", patient)))
                            .isZero();
                });
    }

    @Test
    void anAssessmentTimeOutsideTheStatedYearsIsDeadLetteredNotRetried() {
        // the schema lets 1066 through (four-digit year): the same range as REST refuses it
        String early = newPatient();
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        early,
                        Instant.parse("1066-10-14T09:00:00Z"),
                        null,
                        List.of(foot(Side.LEFT, 2))));
        ConsumerRecord<String, String> refused = deadLetterOf(early);
        assertThat(KafkaRecords.header(refused, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("invalid-measurements");
        assertThat(KafkaRecords.header(refused, CloudEventAttributes.DEAD_LETTER_REASON))
                .startsWith("assessedAt: ");

        // an instant PostgreSQL cannot store never reaches it: the schema's RFC 3339 has no such
        // year, and the range would refuse it next
        String ancient = newPatient();
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        ancient,
                        Instant.parse("-5000-01-01T00:00:00Z"),
                        null,
                        List.of(foot(Side.LEFT, 2))));
        ConsumerRecord<String, String> unreadable = deadLetterOf(ancient);
        assertThat(KafkaRecords.header(unreadable, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isIn("schema-violation", "invalid-measurements");
        assertThat(KafkaRecords.header(unreadable, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("assessedAt");
        for (String patient : List.of(early, ancient)) {
            assertThat(
                            Tenancy.transaction(CLINIC)
                                    .call(() -> Assessment.count("patientRef", patient)))
                    .isZero();
        }
    }

    @Test
    void aRedeliveredMeasurementIsClassifiedOnce() {
        String patient = newPatient();
        String id = UUID.randomUUID().toString();
        MeasurementsSubmitted m =
                new MeasurementsSubmitted(
                        CLINIC,
                        patient,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        null,
                        List.of(foot(Side.LEFT, 1)));
        publish(id, m);
        publish(id, m);
        // test topics have one partition, so the marker is consumed after both copies
        String marker = newPatient();
        publish(
                UUID.randomUUID().toString(),
                new MeasurementsSubmitted(
                        CLINIC,
                        marker,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        null,
                        List.of(foot(Side.LEFT, 1))));

        await().atMost(WAIT)
                .until(
                        () ->
                                Tenancy.transaction(CLINIC)
                                                .call(() -> Assessment.count("patientRef", marker))
                                        == 1);
        long stored =
                Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient));
        assertThat(stored).isEqualTo(1);
    }

    private ConsumerRecord<String, String> deadLetterOf(String patient) {
        return KafkaRecords.find(
                        bootstrapServers,
                        Topics.ASSESSMENT_DEAD_LETTER,
                        r -> (CLINIC + ":" + patient).equals(r.key()),
                        WAIT)
                .orElseThrow(() -> new AssertionError("nothing dead-lettered for " + patient));
    }

    private void publish(String id, MeasurementsSubmitted payload) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.MEASUREMENTS_SUBMITTED,
                id,
                "/clinic-platform/acme",
                payload);
    }

    private static FootMeasurements foot(Side side, int fpiTotal) {
        return new FootMeasurements(side, null, fpiTotal, new BigDecimal("6.0"), null, null, null);
    }

    private static String newPatient() {
        return "k-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
