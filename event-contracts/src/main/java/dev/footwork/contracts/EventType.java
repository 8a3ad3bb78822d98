package dev.footwork.contracts;

import dev.footwork.contracts.events.AdherenceDropped;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.contracts.events.ReassessmentDue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every Footwork event: its CloudEvents type, the topic it travels on, its payload record and its
 * JSON Schema on the classpath. The single source of truth the producers, consumers, schema tests
 * and AsyncAPI test all read.
 */
public enum EventType {
    MEASUREMENTS_SUBMITTED(
            "dev.footwork.assessment.measurements-submitted.v1",
            Topics.MEASUREMENTS,
            null,
            MeasurementsSubmitted.class),
    FOOT_CLASSIFIED(
            "dev.footwork.assessment.foot-classified.v1",
            Topics.CLASSIFIED,
            EventSources.ASSESSMENT,
            FootClassified.class),
    PLAN_ISSUED(
            "dev.footwork.exercise.plan-issued.v1",
            Topics.PLANS,
            EventSources.EXERCISE,
            PlanIssued.class),
    PLAN_REVISED(
            "dev.footwork.exercise.plan-revised.v1",
            Topics.PLANS,
            EventSources.EXERCISE,
            PlanRevised.class),
    COMPLETION_SUBMITTED(
            "dev.footwork.exercise.completion-submitted.v1",
            Topics.INGRESS_COMPLETIONS,
            null,
            CompletionSubmitted.class),
    EXERCISE_COMPLETED(
            "dev.footwork.exercise.exercise-completed.v1",
            Topics.COMPLETIONS,
            EventSources.EXERCISE,
            ExerciseCompleted.class),
    PHASE_COMPLETED(
            "dev.footwork.progress.phase-completed.v1",
            Topics.PROGRESS,
            EventSources.PROGRESS,
            PhaseCompleted.class),
    ADHERENCE_DROPPED(
            "dev.footwork.progress.adherence-dropped.v1",
            Topics.PROGRESS,
            EventSources.PROGRESS,
            AdherenceDropped.class),
    PAIN_RULE_BROKEN(
            "dev.footwork.progress.pain-rule-broken.v1",
            Topics.PROGRESS,
            EventSources.PROGRESS,
            PainRuleBroken.class),
    REASSESSMENT_DUE(
            "dev.footwork.progress.reassessment-due.v1",
            Topics.PROGRESS,
            EventSources.PROGRESS,
            ReassessmentDue.class),
    PATIENT_ERASED(
            "dev.footwork.privacy.patient-erased.v1",
            Topics.ERASURES,
            EventSources.ASSESSMENT,
            PatientErased.class),
    EXERCISE_DATA_ERASED(
            "dev.footwork.privacy.exercise-data-erased.v1",
            Topics.ERASURE_CONFIRMATIONS,
            EventSources.EXERCISE,
            ExerciseDataErased.class),
    PROGRESS_DATA_ERASED(
            "dev.footwork.privacy.progress-data-erased.v1",
            Topics.ERASURE_CONFIRMATIONS,
            EventSources.PROGRESS,
            ProgressDataErased.class);

    private final String type;
    private final String topic;
    private final String source;
    private final Class<? extends PatientEvent> payloadType;

    EventType(String type, String topic, String source, Class<? extends PatientEvent> payloadType) {
        this.type = type;
        this.topic = topic;
        this.source = source;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** Whether clinic platforms publish this event, on an ingress topic, with a credential. */
    public boolean ingress() {
        return Topics.isIngress(topic);
    }

    /**
     * The CloudEvents {@code source} Footwork uses when it produces this event, the only one its
     * consumers accept; empty for events clinic platforms produce (each with its own source).
     */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    public Class<? extends PatientEvent> payloadType() {
        return payloadType;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<? extends PatientEvent> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no event type for " + payloadType));
    }
}
