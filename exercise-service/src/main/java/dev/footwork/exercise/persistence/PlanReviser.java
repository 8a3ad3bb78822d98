package dev.footwork.exercise.persistence;

import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.exercise.domain.InvalidAdjustment;
import dev.footwork.exercise.domain.PlanAdjustment;
import dev.footwork.exercise.domain.PlanRevisions;
import dev.footwork.support.api.Problem;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.inbox.PoisonEventException;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Makes new revisions of existing plans: clinician adjustments, pause and resume, progression and
 * load reduction from progress events, and supersession by a newer plan. Each revision locks the
 * plan row, stores the revision and records PlanRevised in the same transaction.
 */
@ApplicationScoped
public class PlanReviser {

    private static final Logger LOG = Logger.getLogger(PlanReviser.class);

    private final PlanRevisions revisions;
    private final Outbox outbox;
    private final Clock clock;

    PlanReviser(PlanRevisions revisions, Outbox outbox, Clock clock) {
        this.revisions = revisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies a clinician's changes as one new revision.
     *
     * @param expectedRevision the revision the clinician saw (from If-Match), or null
     */
    @Transactional
    public Plan adjust(
            String clinicId, UUID planId, Integer expectedRevision, List<PlanAdjustment> changes) {
        Plan plan = changeable(clinicId, planId, expectedRevision);
        PlanContent next;
        try {
            next = revisions.adjust(plan.content, changes);
        } catch (InvalidAdjustment e) {
            String field = "changes[" + e.index() + "]." + e.field();
            throw new ProblemException(
                    422,
                    "Adjustment does not fit the plan",
                    field + ": " + e.getMessage(),
                    List.of(new Problem.Violation(field, e.getMessage())));
        }
        record(plan, next, PlanRevised.Reason.CLINICIAN_ADJUSTMENT, clock.instant());
        return plan;
    }

    /** Pauses the plan; pausing a paused plan changes nothing. */
    @Transactional
    public Plan pause(String clinicId, UUID planId, Integer expectedRevision) {
        Plan plan = changeable(clinicId, planId, expectedRevision);
        revisions
                .pause(plan.content)
                .ifPresent(next -> record(plan, next, PlanRevised.Reason.PAUSED, clock.instant()));
        return plan;
    }

    /** Resumes a paused plan; resuming an active plan changes nothing. */
    @Transactional
    public Plan resume(String clinicId, UUID planId, Integer expectedRevision) {
        Plan plan = changeable(clinicId, planId, expectedRevision);
        revisions
                .resume(plan.content)
                .ifPresent(next -> record(plan, next, PlanRevised.Reason.RESUMED, clock.instant()));
        return plan;
    }

    /** Moves the plan to the next phase, one step heavier, when the phase reported is current. */
    public Optional<Plan> onPhaseCompleted(PhaseCompleted event) {
        return progress(
                event.clinicId(),
                event.planId(),
                content -> revisions.advance(content, event.phase()),
                PlanRevised.Reason.PHASE_ADVANCED,
                "phase " + event.phase() + " completed");
    }

    /** Takes one step of load off every exercise of the plan. */
    public Optional<Plan> onPainRuleBroken(PainRuleBroken event) {
        return progress(
                event.clinicId(),
                event.planId(),
                revisions::reduce,
                PlanRevised.Reason.LOAD_REDUCED,
                "pain rule " + event.rule() + " broken in week " + event.week());
    }

    /** Marks the plan superseded by a newer one; called inside the issuing transaction. */
    void supersede(Plan plan, Instant at) {
        record(plan, revisions.supersede(plan.content), PlanRevised.Reason.SUPERSEDED, at);
        // the new plan must not meet this one as current in the one-current-plan index
        Plan.flush();
    }

    private Optional<Plan> progress(
            String clinicId,
            UUID planId,
            Function<PlanContent, Optional<PlanContent>> change,
            PlanRevised.Reason reason,
            String why) {
        Plan plan =
                Plan.lockById(planId)
                        .orElseThrow(
                                () ->
                                        new PoisonEventException(
                                                "unknown-plan",
                                                "no plan " + planId + " in clinic " + clinicId));
        Optional<PlanContent> next = change.apply(plan.content);
        if (next.isEmpty()) {
            LOG.infof(
                    "Plan %s (revision %d, %s) left as it is after %s",
                    plan.id, plan.revision, plan.status, why);
            return Optional.empty();
        }
        record(plan, next.get(), reason, clock.instant());
        return Optional.of(plan);
    }

    private Plan changeable(String clinicId, UUID planId, Integer expectedRevision) {
        Plan plan =
                Plan.lockById(planId)
                        .orElseThrow(() -> ProblemException.notFound("plan " + planId));
        if (expectedRevision != null && expectedRevision != plan.revision) {
            throw new ProblemException(
                    412,
                    "Precondition Failed",
                    "plan "
                            + planId
                            + " is at revision "
                            + plan.revision
                            + ", not "
                            + expectedRevision
                            + "; reload it and apply the change again");
        }
        if (plan.content.status() == PlanContent.PlanStatus.SUPERSEDED) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "plan " + planId + " has been superseded; change the patient's current plan");
        }
        return plan;
    }

    private void record(Plan plan, PlanContent next, PlanRevised.Reason reason, Instant at) {
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
}
