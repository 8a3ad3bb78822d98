package dev.footwork.progress.support;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.Session;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Publishes plans and completions to the real broker as exercise-service would. */
public record ProgressEvents(String bootstrapServers, String clinic) {

    private static final String SOURCE = "/footwork/exercise-service";

    /**
     * Publishes PatientErased for a patient of this clinic, as assessment-service does, and waits
     * until this service has confirmed it (ProgressDataErased of that erasure).
     */
    public void eraseAndAwaitConfirmation(String patient, Duration wait) {
        UUID erasure = UUID.randomUUID();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PATIENT_ERASED,
                UUID.randomUUID().toString(),
                EventSources.ASSESSMENT,
                new PatientErased(erasure, clinic, patient, Instant.now()));
        KafkaRecords.find(
                        bootstrapServers,
                        Topics.ERASURE_CONFIRMATIONS,
                        r ->
                                (clinic + ":" + patient).equals(r.key())
                                        && EventType.PROGRESS_DATA_ERASED
                                                .type()
                                                .equals(
                                                        KafkaRecords.header(
                                                                r, CloudEventAttributes.TYPE))
                                        && r.value().contains(erasure.toString()),
                        wait)
                .orElseThrow(() -> new AssertionError("no ProgressDataErased for " + patient));
    }

    public static String newPatient() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void planIssued(UUID plan, String patient, PlanContent content, Instant issuedAt) {
        planIssued(plan, patient, content, issuedAt, UUID.randomUUID().toString());
    }

    /**
     * A PlanIssued under the CloudEvents id given (another clinic's platform may choose it too).
     */
    public void planIssued(
            UUID plan, String patient, PlanContent content, Instant issuedAt, String eventId) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PLAN_ISSUED,
                eventId,
                SOURCE,
                new PlanIssued(
                        plan, clinic, patient, UUID.randomUUID(), 1, issuedAt, null, content));
    }

    /** A revision, here a pause or resume. */
    public void planRevised(
            UUID plan, String patient, int revision, PlanContent content, Instant at) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PLAN_REVISED,
                UUID.randomUUID().toString(),
                SOURCE,
                new PlanRevised(
                        plan, clinic, patient, revision, at, PlanRevised.Reason.PAUSED, content));
    }

    public ExerciseCompleted completion(
            UUID plan, String patient, ExerciseSide exercise, Session session, Instant at) {
        return completion(UUID.randomUUID(), plan, patient, exercise, session, at);
    }

    public ExerciseCompleted completion(
            UUID completionId,
            UUID plan,
            String patient,
            ExerciseSide exercise,
            Session session,
            Instant at) {
        return new ExerciseCompleted(
                completionId,
                plan,
                1,
                clinic,
                patient,
                exercise.exerciseId(),
                exercise.side(),
                session.sets(),
                session.reps(),
                session.holdSeconds(),
                exercise.exerciseId().usesBand() ? BandColour.RED : null,
                session.pain(),
                at);
    }

    /** Publishes a completion under a new event id. */
    public void publish(ExerciseCompleted completion) {
        publish(completion, UUID.randomUUID().toString());
    }

    public void publish(ExerciseCompleted completion, String eventId) {
        CloudEventRecords.publish(
                bootstrapServers, EventType.EXERCISE_COMPLETED, eventId, SOURCE, completion);
    }
}
