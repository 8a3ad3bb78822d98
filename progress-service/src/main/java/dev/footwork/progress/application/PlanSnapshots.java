package dev.footwork.progress.application;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressSnapshot;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.ProgressWeek;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a stored plan's progress snapshot from its weekly tallies and the sessions of the last
 * seven days, so that its cost depends on the plan's length, never on the sessions logged.
 */
@ApplicationScoped
class PlanSnapshots {

    /**
     * A snapshot and when the evaluation pass next needs to take it again.
     *
     * @param nextChange the first instant at which time alone can change it; null for a plan that
     *     is not active, which the pass does not evaluate
     */
    record Timed(ProgressSnapshot snapshot, Instant nextChange) {}

    private final ProgressAnalysis analysis;

    PlanSnapshots(ProgressAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The plan's progress at {@code now}, nothing stored. */
    ProgressSnapshot of(KnownPlan plan, Instant now) {
        return timed(plan, now).snapshot();
    }

    /**
     * The plan's progress at {@code now}, its worklist figures kept in its progress row; the caller
     * holds the row's lock.
     */
    Timed keep(PlanProgress progress, KnownPlan plan, Instant now, Instant writtenAt) {
        Timed timed = timed(plan, now);
        progress.keep(timed.snapshot(), now);
        progress.updatedAt = writtenAt;
        return timed;
    }

    private Timed timed(KnownPlan plan, Instant now) {
        ZoneId zone = analysis.rules().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant windowStart = today.minusDays(6).atStartOfDay(zone).toInstant();
        List<Completion.Counted> recent = Completion.countedSince(plan.planId, windowStart);
        Map<ExerciseSide, Integer> lastSevenDays = new HashMap<>();
        for (Completion.Counted session : recent) {
            if (!session.completedAt().isAfter(now)) {
                lastSevenDays.merge(session.exercise(), 1, Integer::sum);
            }
        }
        ProgressSnapshot snapshot =
                analysis.snapshot(
                        plan.content,
                        ProgressWeek.ofPlan(plan.planId).stream().map(ProgressWeek::tally).toList(),
                        lastSevenDays,
                        now);
        Instant next =
                plan.content.status() == PlanStatus.ACTIVE
                        ? analysis.nextChange(
                                plan.content,
                                recent.stream().map(Completion.Counted::completedAt).toList(),
                                now)
                        : null;
        return new Timed(snapshot, next);
    }
}
