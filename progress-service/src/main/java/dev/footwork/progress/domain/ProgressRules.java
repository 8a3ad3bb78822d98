package dev.footwork.progress.domain;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The thresholds progress is judged by; all come from configuration.
 *
 * @param zone the clinic's time zone: plan weeks, days and the 7-day window are counted in it
 * @param painLimit pain above this (0-10) breaks the pain rule
 * @param painRiseLimit a weekly mean pain higher than the week before by at least this is a rise
 * @param phaseAdherencePercent adherence over a phase needed to complete it
 * @param adherenceDropPercent adherence over the last 7 days below this is a drop
 * @param adherenceGraceWeeks weeks at the start of a plan in which no drop is reported
 * @param streakAdherencePercent a week counts towards the streak at this adherence or above
 * @param reassessmentWindow how long after its date a re-assessment stays due
 */
public record ProgressRules(
        ZoneId zone,
        int painLimit,
        double painRiseLimit,
        double phaseAdherencePercent,
        double adherenceDropPercent,
        int adherenceGraceWeeks,
        double streakAdherencePercent,
        Duration reassessmentWindow) {

    /** The defaults of the clinical reference (sections 4 and 5). */
    public static ProgressRules defaults(ZoneId zone) {
        return new ProgressRules(zone, 5, 1.0, 80, 50, 1, 80, Duration.ofDays(14));
    }
}
