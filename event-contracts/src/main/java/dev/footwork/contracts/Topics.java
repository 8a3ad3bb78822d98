package dev.footwork.contracts;

import java.util.List;
import java.util.Map;

/**
 * Kafka topic names of every Footwork channel. The major version is part of the name.
 *
 * <p>Clinic platforms write only the ingress topics ({@value #INGRESS_PREFIX}*): each record
 * carries the platform's credential, which the owning service verifies before it reads the record,
 * and the broker stamps each record with its append time ({@link #config}), against which the
 * credential's validity is checked. Every other topic is internal: only the service that owns it
 * writes it.
 */
public final class Topics {
    /** The prefix of the topics clinic platforms write. */
    public static final String INGRESS_PREFIX = "footwork.ingress.";

    /** Measurements published by clinic platforms, consumed by assessment-service. */
    public static final String MEASUREMENTS = "footwork.ingress.measurements.v1";

    /**
     * Completions published by clinic platforms, consumed by exercise-service, which logs them as
     * its REST API does and publishes ExerciseCompleted on {@link #COMPLETIONS}.
     */
    public static final String INGRESS_COMPLETIONS = "footwork.ingress.completions.v1";

    /** FootClassified, published by assessment-service. */
    public static final String CLASSIFIED = "footwork.assessment.classified.v1";

    /** PlanIssued and PlanRevised, published by exercise-service. */
    public static final String PLANS = "footwork.exercise.plans.v1";

    /** ExerciseCompleted, published by exercise-service only. */
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
                    INGRESS_COMPLETIONS,
                    CLASSIFIED,
                    PLANS,
                    COMPLETIONS,
                    PROGRESS,
                    ERASURES,
                    ERASURE_CONFIRMATIONS,
                    ASSESSMENT_DEAD_LETTER,
                    EXERCISE_DEAD_LETTER,
                    PROGRESS_DEAD_LETTER);

    /** The ingress topics, which clinic platforms write. */
    public static final List<String> INGRESS = ALL.stream().filter(Topics::isIngress).toList();

    /** The topic configuration an ingress topic needs: the broker sets each record's time. */
    public static final Map<String, String> INGRESS_CONFIG =
            Map.of("message.timestamp.type", "LogAppendTime");

    /** Whether clinic platforms write this topic. */
    public static boolean isIngress(String topic) {
        return topic.startsWith(INGRESS_PREFIX);
    }

    /**
     * The configuration a topic is created with: {@link #INGRESS_CONFIG} for an ingress topic,
     * nothing beyond the broker's defaults for the others.
     */
    public static Map<String, String> config(String topic) {
        return isIngress(topic) ? INGRESS_CONFIG : Map.of();
    }

    private Topics() {}
}
