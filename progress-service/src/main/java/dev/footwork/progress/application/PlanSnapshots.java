package dev.footwork.progress.application;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressSnapshot;
import dev.footwork.progress.domain.WeekTally;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.ProgressWeek;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes a stored plan's progress snapshot from its weekly tallies and the sessions of the last
 * seven days, so that its cost depends on the plan's length, never on the sessions logged; several
 * plans' snapshots are read together, in the same two queries as one's.
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
        return timed(List.of(plan), now).get(plan.planId).snapshot();
    }

    /**
     * The plan's progress at {@code now}, its worklist figures kept in its progress row; the caller
     * holds the row's lock.
     */
    Timed keep(PlanProgress progress, KnownPlan plan, Instant now, Instant writtenAt) {
        return keepAll(List.of(plan), Map.of(plan.planId, progress), now, writtenAt)
                .get(plan.planId);
    }

    /**
     * The progress of several plans of the caller's clinic at {@code now}, their worklist figures
     * kept in their progress rows ({@code rows}, by plan id, locked by the caller); read in two
     * queries however many plans there are.
     */
    Map<UUID, Timed> keepAll(
            Collection<KnownPlan> plans,
            Map<UUID, PlanProgress> rows,
            Instant now,
            Instant writtenAt) {
        Map<UUID, Timed> kept = timed(plans, now);
        kept.forEach(
                (planId, timed) -> {
                    PlanProgress progress = rows.get(planId);
                    progress.keep(timed.snapshot(), now);
                    progress.updatedAt = writtenAt;
                });
        return kept;
    }

    private Map<UUID, Timed> timed(Collection<KnownPlan> plans, Instant now) {
        if (plans.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = analysis.rules().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant windowStart = today.minusDays(6).atStartOfDay(zone).toInstant();
        List<UUID> planIds = plans.stream().map(plan -> plan.planId).toList();
        Map<UUID, List<WeekTally>> weeks = ProgressWeek.talliesOf(planIds);
        Map<UUID, List<Completion.Counted>> counted = Completion.countedSince(planIds, windowStart);
        Map<UUID, Timed> timed = new HashMap<>();
        for (KnownPlan plan : plans) {
            timed.put(
                    plan.planId,
                    timed(
                            plan,
                            weeks.getOrDefault(plan.planId, List.of()),
                            counted.getOrDefault(plan.planId, List.of()),
                            now));
        }
        return timed;
    }

    private Timed timed(
            KnownPlan plan, List<WeekTally> weeks, List<Completion.Counted> recent, Instant now) {
        Map<ExerciseSide, Integer> lastSevenDays = new HashMap<>();
        for (Completion.Counted session : recent) {
            if (!session.completedAt().isAfter(now)) {
                lastSevenDays.merge(session.exercise(), 1, Integer::sum);
            }
        }
        ProgressSnapshot snapshot = analysis.snapshot(plan.content, weeks, lastSevenDays, now);
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
