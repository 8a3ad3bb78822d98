package dev.footwork.exercise.application;

import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.exercise.domain.PlanAdjustment;
import dev.footwork.exercise.domain.PlanRevisions;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanRevision;
import dev.footwork.support.application.Conflict;
import dev.footwork.support.application.NotFound;
import dev.footwork.support.application.PreconditionFailed;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clinician's changes to a plan (adjustments, pause, resume), and the one way any plan gets a new
 * revision: lock the plan row, store the revision and record PlanRevised, in one transaction.
 * Issuing a newer plan supersedes the old one through here too ({@link IssuePlan}), and so do
 * progress events ({@link ApplyProgressEvent}).
 */
@ApplicationScoped
public class RevisePlan {

    /**
     * A change to one plan.
     *
     * @param expectedRevision the revision the clinician saw (from If-Match), or null for any
     */
    public record Command(String clinicId, UUID planId, Integer expectedRevision) {}

    private final PlanRevisions revisions;
    private final ReadPlans read;
    private final LockedPlans plans;
    private final Outbox outbox;
    private final Clock clock;

    RevisePlan(
            PlanRevisions revisions,
            ReadPlans read,
            LockedPlans plans,
            Outbox outbox,
            Clock clock) {
        this.revisions = revisions;
        this.plans = plans;
        this.read = read;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies a clinician's changes as one new revision, all or none; the domain refuses a change
     * that does not fit the plan (422, naming {@code changes[i].<field>}).
     */
    @Transactional
    public PlanView adjust(Command command, List<PlanAdjustment> changes) {
        Plan plan = changeable(command);
        revise(
                plan,
                revisions.adjust(plan.content, changes),
                PlanRevised.Reason.CLINICIAN_ADJUSTMENT,
                clock.instant());
        return read.view(plan);
    }

    /** Pauses the plan; pausing a paused plan changes nothing. */
    @Transactional
    public PlanView pause(Command command) {
        Plan plan = changeable(command);
        revisions
                .pause(plan.content)
                .ifPresent(next -> revise(plan, next, PlanRevised.Reason.PAUSED, clock.instant()));
        return read.view(plan);
    }

    /** Resumes a paused plan; resuming an active plan changes nothing. */
    @Transactional
    public PlanView resume(Command command) {
        Plan plan = changeable(command);
        revisions
                .resume(plan.content)
                .ifPresent(next -> revise(plan, next, PlanRevised.Reason.RESUMED, clock.instant()));
        return read.view(plan);
    }

    /** Marks the plan superseded by a newer one, inside the transaction that issues the newer. */
    @Transactional(Transactional.TxType.MANDATORY)
    void supersede(Plan plan, Instant at) {
        revise(plan, revisions.supersede(plan.content), PlanRevised.Reason.SUPERSEDED, at);
        // the new plan must not meet this one as current in the one-current-plan index
        Plan.flush();
    }

    /** Makes {@code next} the plan's new revision and records PlanRevised. */
    @Transactional(Transactional.TxType.MANDATORY)
    void revise(Plan plan, PlanContent next, PlanRevised.Reason reason, Instant at) {
        plan.revision++;
        plan.content = next;
        plan.status = next.status().name();
        plan.updatedAt = at;
        PlanRevision.of(plan, reason.name(), at).persist();
        outbox.add(
                new PlanRevised(
                        plan.id, plan.clinicId, plan.patientRef, plan.revision, at, reason, next),
                at);
    }

    /** The plan, locked, when the clinician changed the revision that stands and it is current. */
    private Plan changeable(Command command) {
        UUID planId = command.planId();
        Plan plan =
                plans.byId(command.clinicId(), planId)
                        .orElseThrow(() -> new NotFound("plan " + planId));
        Integer expected = command.expectedRevision();
        if (expected != null && expected != plan.revision) {
            throw new PreconditionFailed(
                    "plan "
                            + planId
                            + " is at revision "
                            + plan.revision
                            + ", not "
                            + expected
                            + "; reload it and apply the change again");
        }
        if (plan.content.status() == PlanContent.PlanStatus.SUPERSEDED) {
            throw new Conflict(
                    "plan-superseded",
                    "plan " + planId + " has been superseded; change the patient's current plan");
        }
        return plan;
    }
}
