package dev.footwork.contracts;

import java.util.List;

/** Kafka topic names of every Footwork channel. The major version is part of the name. */
public final class Topics {
    /** Inbound measurements published by clinic platforms, consumed by assessment-service. */
    public static final String MEASUREMENTS = "footwork.assessment.measurements.v1";

    /** FootClassified, published by assessment-service. */
    public static final String CLASSIFIED = "footwork.assessment.classified.v1";

    /** PlanIssued and PlanRevised, published by exercise-service. */
    public static final String PLANS = "footwork.exercise.plans.v1";

    /** ExerciseCompleted, published by exercise-service or directly by clinic platforms. */
    public static final String COMPLETIONS = "footwork.exercise.completions.v1";

    /**
     * Progress events (phase completed, alerts, re-assessment due), published by progress-service.
     */
    public static final String PROGRESS = "footwork.progress.events.v1";

    /** PatientErased: an admin's erasure request, published by assessment-service. */
    public static final String ERASURES = "footwork.privacy.erasures.v1";

    /** Each other service's confirmation that it has erased the patient's data. */
    public static final String ERASURE_CONFIRMATIONS = "footwork.privacy.erasure-confirmations.v1";

    /** Poison records that assessment-service could not process, with the reason in headers. */
    public static final String ASSESSMENT_DEAD_LETTER = "footwork.assessment.dead-letter.v1";

    /** Poison records that exercise-service could not process. */
    public static final String EXERCISE_DEAD_LETTER = "footwork.exercise.dead-letter.v1";

    /** Poison records that progress-service could not process. */
    public static final String PROGRESS_DEAD_LETTER = "footwork.progress.dead-letter.v1";

    /** Every topic above, for documentation checks and for creating topics in tests. */
    public static final List<String> ALL =
            List.of(
                    MEASUREMENTS,
                    CLASSIFIED,
                    PLANS,
                    COMPLETIONS,
                    PROGRESS,
                    ERASURES,
                    ERASURE_CONFIRMATIONS,
                    ASSESSMENT_DEAD_LETTER,
                    EXERCISE_DEAD_LETTER,
                    PROGRESS_DEAD_LETTER);

    private Topics() {}
}
