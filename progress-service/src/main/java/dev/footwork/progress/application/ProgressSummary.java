package dev.footwork.progress.application;

import dev.footwork.progress.domain.Flag;
import dev.footwork.progress.domain.PainTrend;
import dev.footwork.progress.domain.ProgressSnapshot;
import dev.footwork.progress.domain.ProgressSnapshot.ExerciseTotals;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's progress on their current plan (formulas in the module README). Percentages have one
 * decimal; a percentage or mean is absent when there is nothing to divide by.
 *
 * @param currentWeek the plan week of today (0 or less before the plan starts)
 * @param completedSessions sessions logged against the plan
 * @param prescribedSessionsToDate sessions the plan asked for up to today
 * @param adherencePercent sessions done of those prescribed to date, per exercise and foot at most
 *     100 %
 * @param adherenceLast7DaysPercent the same over today and the six days before
 * @param volume sum over sessions of sets x reps x hold seconds
 * @param sessionsAbovePainLimit sessions with pain above the configured limit (5/10)
 * @param streakWeeks consecutive weeks meeting the streak adherence (80 %)
 * @param riskScore the worklist's order: flag weights plus a tenth of the missing 7-day adherence
 */
public record ProgressSummary(
        String clinicId,
        String patientRef,
        UUID planId,
        int planRevision,
        String planStatus,
        LocalDate startsOn,
        int weeks,
        int currentWeek,
        int currentPhase,
        String phaseName,
        int completedSessions,
        int prescribedSessionsToDate,
        Double adherencePercent,
        Double adherenceLast7DaysPercent,
        long totalReps,
        long volume,
        Double meanPain,
        int maxPain,
        int sessionsAbovePainLimit,
        PainTrend painTrend,
        int streakWeeks,
        Instant lastActivityAt,
        LocalDate nextReassessmentOn,
        Set<Flag> flags,
        int riskScore,
        List<ExerciseTotals> exercises) {

    static ProgressSummary of(KnownPlan plan, PlanProgress progress, ProgressSnapshot a) {
        return new ProgressSummary(
                plan.clinicId,
                plan.patientRef,
                plan.planId,
                plan.revision,
                plan.status,
                plan.startsOn,
                plan.weeks,
                a.currentWeek(),
                a.currentPhase(),
                a.phaseName(),
                a.completedSessions(),
                a.prescribedToDate(),
                a.adherencePercent(),
                a.adherenceLast7DaysPercent(),
                a.totalReps(),
                a.volume(),
                a.meanPain(),
                a.maxPain(),
                a.sessionsAbovePainLimit(),
                a.painTrend(),
                a.streakWeeks(),
                progress == null ? null : progress.lastActivityAt,
                a.nextReassessmentOn(),
                a.flags(),
                a.riskScore(),
                a.exercises());
    }
}
