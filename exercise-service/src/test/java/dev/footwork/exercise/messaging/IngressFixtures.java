package dev.footwork.exercise.messaging;

import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the ingress tests share: a patient's plan (from a classification, as assessment-service
 * publishes it) and the completions a clinic platform submits against it.
 */
final class IngressFixtures {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String PLATFORM_SOURCE = "/clinic-platform/ingress";

    private IngressFixtures() {}

    static String newPatient() {
        return "i-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a classification of a pronated left foot and waits for its plan. */
    static UUID newPlan(String bootstrapServers, String clinicId, String patient) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.FOOT_CLASSIFIED,
                UUID.randomUUID().toString(),
                "/footwork/assessment-service",
                new FootClassified(
                        UUID.randomUUID(),
                        clinicId,
                        patient,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        "fpi6-2026.1",
                        null,
                        false,
                        List.of(
                                new FootClassified.FootResult(
                                        Side.LEFT,
                                        PostureLevel.PRONATED,
                                        PostureLevel.PRONATED.posture(),
                                        PostureLevel.PRONATED.severity(),
                                        PostureLevel.PRONATED.alignment(),
                                        0.9,
                                        8,
                                        List.of("fpi6")))));
        return await().atMost(WAIT)
                .until(
                        () ->
                                Tenancy.transaction(clinicId)
                                        .call(() -> Plan.currentOf(patient).map(p -> p.id)),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** A towel grab on the left foot, prescribed in every plan {@link #newPlan} makes, done now. */
    static CompletionSubmitted towelGrab(
            UUID completionId, UUID planId, String clinicId, String patient) {
        return towelGrab(
                completionId,
                planId,
                clinicId,
                patient,
                Side.LEFT,
                3,
                2,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A towel grab of 3 sets of 12, held 3 s: on the given foot, sets, pain and time. */
    static CompletionSubmitted towelGrab(
            UUID completionId,
            UUID planId,
            String clinicId,
            String patient,
            Side side,
            int sets,
            int pain,
            Instant completedAt) {
        return new CompletionSubmitted(
                completionId,
                planId,
                clinicId,
                patient,
                ExerciseId.TOWEL_GRAB,
                side,
                sets,
                12,
                3,
                null,
                pain,
                completedAt);
    }

    /** The record a platform writes, with the clinic's own valid integration token. */
    static ProducerRecord<String, byte[]> record(String eventId, CompletionSubmitted completion) {
        return CloudEventRecords.record(
                EventType.COMPLETION_SUBMITTED, eventId, PLATFORM_SOURCE, completion);
    }

    static long stored(String clinicId, UUID completionId) {
        return Tenancy.transaction(clinicId).call(() -> Completion.count("id", completionId));
    }

    static long storedFor(String clinicId, String patient) {
        return Tenancy.transaction(clinicId).call(() -> Completion.count("patientRef", patient));
    }
}
