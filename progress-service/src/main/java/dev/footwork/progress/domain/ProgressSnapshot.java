package dev.footwork.progress.domain;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A plan's progress as of one moment, as {@link ProgressAnalysis} finds it: the figures a clinician
 * reads and the alerts that are due. Percentages have one decimal; a percentage or mean is null
 * when there is nothing to divide by.
 *
 * @param currentWeek the plan week of the day the snapshot is taken (0 or less before the plan
 *     starts)
 * @param prescribedToDate sessions prescribed from the start up to that day
 * @param creditedToDate sessions done towards them, at most the prescribed ones per exercise
 * @param streakWeeks consecutive weeks, up to the current one, meeting the streak adherence
 * @param nextReassessmentOn the re-assessment date that is due or comes next
 */
public record ProgressSnapshot(
        int currentWeek,
        int currentPhase,
        String phaseName,
        int completedSessions,
        int prescribedToDate,
        int creditedToDate,
        Double adherencePercent,
        Double adherenceLast7DaysPercent,
        long totalReps,
        long volume,
        Double meanPain,
        int maxPain,
        int sessionsAbovePainLimit,
        PainTrend painTrend,
        int streakWeeks,
        LocalDate nextReassessmentOn,
        Set<Flag> flags,
        int riskScore,
        List<WeekFigures> weeks,
        List<ExerciseTotals> exercises,
        List<ProgressAlert> alerts) {

    /** One plan week. {@code adherencePercent} is against the whole week, null before it starts. */
    public record WeekFigures(
            int week,
            LocalDate startsOn,
            LocalDate endsOn,
            int phase,
            int prescribedSessions,
            int completedSessions,
            Double adherencePercent,
            long totalReps,
            long volume,
            Double meanPain,
            int maxPain,
            int sessionsAbovePainLimit,
            List<ExerciseWeek> exercises) {}

    /** One exercise on one foot in one week. */
    public record ExerciseWeek(
            ExerciseId exerciseId,
            Side side,
            int prescribedSessions,
            int completedSessions,
            Double adherencePercent,
            long totalReps,
            long volume) {}

    /** One exercise on one foot over the whole plan. */
    public record ExerciseTotals(
            ExerciseId exerciseId, Side side, int completedSessions, long totalReps, long volume) {}
}
