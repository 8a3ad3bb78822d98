package dev.footwork.exercise.application;

import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.exercise.domain.PlanRevisions;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Closes the progression loop: a completed phase moves the plan on and a step heavier, a broken
 * pain rule takes a step of load off. A plan that is paused, superseded or already past the phase
 * is left as it is.
 */
@ApplicationScoped
public class ApplyProgressEvent {

    private static final Logger LOG = Logger.getLogger(ApplyProgressEvent.class);

    /** What a progress event asks of one plan. */
    public sealed interface Command {

        String clinicId();

        UUID planId();

        /** Phase {@code phase} of the plan ended well. */
        record AdvancePast(String clinicId, UUID planId, int phase) implements Command {}

        /** A pain rule was broken in week {@code week} of the plan. */
        record ReduceLoad(String clinicId, UUID planId, PainRuleBroken.Rule rule, int week)
                implements Command {}

        /**
         * The command a progress event carries; adherence and re-assessment alerts are for
         * clinicians and ask nothing of the plan.
         */
        static Optional<Command> of(PatientEvent event) {
            if (event instanceof PhaseCompleted phase) {
                return Optional.of(
                        new AdvancePast(phase.clinicId(), phase.planId(), phase.phase()));
            }
            if (event instanceof PainRuleBroken pain) {
                return Optional.of(
                        new ReduceLoad(pain.clinicId(), pain.planId(), pain.rule(), pain.week()));
            }
            return Optional.empty();
        }
    }

    private final PlanRevisions revisions;
    private final RevisePlan revise;
    private final Clock clock;

    ApplyProgressEvent(PlanRevisions revisions, RevisePlan revise, Clock clock) {
        this.revisions = revisions;
        this.revise = revise;
        this.clock = clock;
    }

    /**
     * Revises the plan as the event asks, when it changes anything.
     *
     * @throws NotFound {@code unknown-plan} when this service holds no such plan in that clinic
     */
    @Transactional
    public void handle(Command command) {
        Plan plan =
                Plan.lockById(command.planId())
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "unknown-plan",
                                                "plan "
                                                        + command.planId()
                                                        + " in clinic "
                                                        + command.clinicId()));
        Optional<PlanContent> next;
        PlanRevised.Reason reason;
        if (command instanceof Command.AdvancePast advance) {
            next = revisions.advance(plan.content, advance.phase());
            reason = PlanRevised.Reason.PHASE_ADVANCED;
        } else {
            next = revisions.reduce(plan.content);
            reason = PlanRevised.Reason.LOAD_REDUCED;
        }
        if (next.isEmpty()) {
            LOG.infof(
                    "Plan %s (revision %d, %s) left as it is after %s",
                    plan.id, plan.revision, plan.status, command);
            return;
        }
        revise.revise(plan, next.get(), reason, clock.instant());
    }
}
