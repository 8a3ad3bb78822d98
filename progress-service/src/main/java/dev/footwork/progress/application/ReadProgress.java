package dev.footwork.progress.application;

import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * A patient's progress on their current plan (the active one, else the latest) in the caller's
 * clinic, computed now from the stored tallies.
 */
@ApplicationScoped
public class ReadProgress {

    private final PlanSnapshots snapshots;
    private final Clock clock;

    ReadProgress(PlanSnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Transactional
    public ProgressSummary summary(String patientRef) {
        KnownPlan plan = currentPlanOf(patientRef);
        return ProgressSummary.of(
                plan,
                PlanProgress.findById(new PlanKey(plan.clinicId, plan.planId)),
                snapshots.of(plan, clock.instant()));
    }

    @Transactional
    public WeeklySeries weeks(String patientRef) {
        KnownPlan plan = currentPlanOf(patientRef);
        return new WeeklySeries(
                plan.planId, plan.patientRef, snapshots.of(plan, clock.instant()).weeks());
    }

    private static KnownPlan currentPlanOf(String patientRef) {
        return KnownPlan.currentOf(patientRef)
                .orElseThrow(() -> new NotFound("a plan for " + patientRef));
    }
}
