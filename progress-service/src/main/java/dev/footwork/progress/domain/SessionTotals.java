package dev.footwork.progress.domain;

import java.time.Instant;

/**
 * Running totals of a plan's logged sessions, folded one completion at a time so that reading them
 * costs the same whatever the number of completions.
 *
 * @param volume sum over sessions of sets x reps x hold seconds
 */
public record SessionTotals(
        int completedSessions,
        long totalReps,
        long volume,
        long painSum,
        int painMax,
        Instant lastActivityAt) {

    public static final SessionTotals NONE = new SessionTotals(0, 0, 0, 0, 0, null);

    /** The totals with one more session. */
    public SessionTotals plus(int sets, int reps, int holdSeconds, int pain, Instant at) {
        return new SessionTotals(
                completedSessions + 1,
                totalReps + (long) sets * reps,
                volume + (long) sets * reps * holdSeconds,
                painSum + pain,
                Math.max(painMax, pain),
                lastActivityAt == null || at.isAfter(lastActivityAt) ? at : lastActivityAt);
    }

    /** Mean pain per session, or null before the first session. */
    public Double meanPain() {
        return completedSessions == 0 ? null : (double) painSum / completedSessions;
    }
}
