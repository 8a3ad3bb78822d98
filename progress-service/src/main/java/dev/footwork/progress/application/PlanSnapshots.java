package dev.footwork.progress.application;

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

/**
 * Takes a stored plan's progress snapshot from its weekly tallies and the sessions of the last
 * seven days, so that its cost depends on the plan's length, never on the sessions logged.
 */
@ApplicationScoped
class PlanSnapshots {

    private final ProgressAnalysis analysis;

    PlanSnapshots(ProgressAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The plan's progress at {@code now}, nothing stored. */
    ProgressSnapshot of(KnownPlan plan, Instant now) {
        ZoneId zone = analysis.rules().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant windowStart = today.minusDays(6).atStartOfDay(zone).toInstant();
        return analysis.snapshot(
                plan.content,
                ProgressWeek.ofPlan(plan.planId).stream().map(ProgressWeek::tally).toList(),
                Completion.countedBetween(plan.planId, windowStart, now),
                now);
    }

    /**
     * The plan's progress at {@code now}, its worklist figures kept in its progress row; the caller
     * holds the row's lock.
     */
    ProgressSnapshot keep(PlanProgress progress, KnownPlan plan, Instant now, Instant writtenAt) {
        ProgressSnapshot snapshot = of(plan, now);
        progress.keep(snapshot, now);
        progress.updatedAt = writtenAt;
        return snapshot;
    }
}
