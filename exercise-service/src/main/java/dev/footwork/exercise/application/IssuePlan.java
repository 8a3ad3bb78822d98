package dev.footwork.exercise.application;

import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.exercise.domain.Assessed;
import dev.footwork.exercise.domain.Classification;
import dev.footwork.exercise.domain.PlanGenerator;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanRevision;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues a plan for a classification, once per assessment: supersedes the patient's current plan,
 * stores the new one and records PlanRevised / PlanIssued in the same transaction. A classification
 * of an assessment older than the current plan's ({@link Assessed#isNewerThan}) issues nothing.
 */
@ApplicationScoped
public class IssuePlan {

    private static final Logger LOG = Logger.getLogger(IssuePlan.class);

    /** A patient's feet as one assessment classified them. */
    public record Command(
            String clinicId,
            String patientRef,
            Assessed assessment,
            Classification classification) {

        /** The command a FootClassified event carries. */
        public static Command of(FootClassified event) {
            return new Command(
                    event.clinicId(),
                    event.patientRef(),
                    new Assessed(
                            event.assessmentId(), event.assessedAt(), event.previousAssessmentId()),
                    new Classification(
                            event.feet().stream()
                                    .map(foot -> new Classification.Foot(foot.side(), foot.level()))
                                    .toList()));
        }
    }

    private final PlanGenerator generator;
    private final RevisePlan revise;
    private final Outbox outbox;
    private final Clock clock;

    IssuePlan(PlanGenerator generator, RevisePlan revise, Outbox outbox, Clock clock) {
        this.generator = generator;
        this.revise = revise;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Issues the plan; an assessment that already has one changes nothing, and so does one that is
     * not newer than the current plan's: the patient keeps the plan of their latest examination,
     * and a plan nobody was meant to follow would only clutter the history.
     */
    @Transactional
    public void handle(Command command) {
        Assessed assessment = command.assessment();
        if (Plan.existsForAssessment(assessment.id())) {
            return;
        }
        Optional<Plan> current = Plan.lockCurrentOf(command.patientRef());
        // a plan issued before assessment times were kept gives way to any new classification
        if (current.isPresent()
                && current.get().assessedAt != null
                && !assessment.isNewerThan(assessed(current.get()))) {
            Plan newer = current.get();
            LOG.infof(
                    "No plan for assessment %s (assessed %s): plan %s of the newer assessment %s"
                            + " (assessed %s) stays current",
                    assessment.id(),
                    assessment.at(),
                    newer.id,
                    newer.assessmentId,
                    newer.assessedAt);
            return;
        }
        Instant now = clock.instant();
        UUID superseded =
                current.map(
                                old -> {
                                    revise.supersede(old, now);
                                    return old.id;
                                })
                        .orElse(null);

        PlanContent content =
                generator.generate(
                        command.classification(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.clinicId = command.clinicId();
        plan.patientRef = command.patientRef();
        plan.assessmentId = assessment.id();
        plan.assessedAt = assessment.at();
        plan.previousAssessmentId = assessment.previousId();
        plan.revision = 1;
        plan.status = content.status().name();
        plan.rulesVersion = generator.rules().version();
        plan.startsOn = content.startsOn();
        plan.issuedAt = now;
        plan.supersedesId = superseded;
        plan.content = content;
        plan.updatedAt = now;
        plan.persist();
        PlanRevision.of(plan, PlanRevision.ISSUED, now).persist();

        outbox.add(
                new PlanIssued(
                        plan.id,
                        plan.clinicId,
                        plan.patientRef,
                        plan.assessmentId,
                        plan.revision,
                        now,
                        superseded,
                        content),
                now);
    }

    private static Assessed assessed(Plan plan) {
        return new Assessed(plan.assessmentId, plan.assessedAt, plan.previousAssessmentId);
    }
}
