package dev.footwork.progress.domain;

import java.time.LocalDate;

/**
 * Something about a plan's progress that exercise-service or a clinician must be told, as the
 * domain finds it due. Its {@link #key()} makes it unique for its plan: an alert with the same key
 * is never told twice.
 */
public sealed interface ProgressAlert {

    String key();

    /** The current phase ended with enough adherence and the pain rule kept. */
    record PhaseCompleted(int phase, double adherencePercent, int maxPain)
            implements ProgressAlert {
        @Override
        public String key() {
            return "phase-" + phase;
        }
    }

    /**
     * Adherence over the last {@code windowDays} fell below the threshold, in plan week {@code
     * week}.
     */
    record AdherenceDropped(
            int week, int windowDays, double adherencePercent, double thresholdPercent)
            implements ProgressAlert {
        @Override
        public String key() {
            return "adherence-week-" + week;
        }
    }

    /** A session of plan week {@code week} was above the pain limit. */
    record PainAboveLimit(int week, int maxPain) implements ProgressAlert {
        @Override
        public String key() {
            return "pain-above-week-" + week;
        }
    }

    /**
     * The mean pain of plan week {@code week} rose from the week before by the rise limit or more.
     */
    record PainRising(int week, double meanPain) implements ProgressAlert {
        @Override
        public String key() {
            return "pain-rising-week-" + week;
        }
    }

    /** A planned re-assessment date has been reached. */
    record ReassessmentDue(LocalDate dueOn) implements ProgressAlert {
        @Override
        public String key() {
            return "reassessment-" + dueOn;
        }
    }
}
