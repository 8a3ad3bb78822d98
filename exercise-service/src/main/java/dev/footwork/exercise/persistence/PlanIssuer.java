package dev.footwork.exercise.persistence;

import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.exercise.domain.PlanGenerator;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues a plan for a classification: supersedes the patient's current plan, stores the new one and
 * records PlanRevised / PlanIssued in the same transaction.
 */
@ApplicationScoped
public class PlanIssuer {

    private final PlanGenerator generator;
    private final PlanReviser reviser;
    private final Outbox outbox;
    private final Clock clock;

    PlanIssuer(PlanGenerator generator, PlanReviser reviser, Outbox outbox, Clock clock) {
        this.generator = generator;
        this.reviser = reviser;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the new plan, or empty when this assessment already has one. */
    @Transactional
    public Optional<Plan> issueFor(FootClassified classification) {
        if (Plan.existsForAssessment(classification.assessmentId())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID superseded =
                Plan.lockCurrentOf(classification.patientRef())
                        .map(
                                old -> {
                                    reviser.supersede(old, now);
                                    return old.id;
                                })
                        .orElse(null);

        PlanContent content =
                generator.generate(classification, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.clinicId = classification.clinicId();
        plan.patientRef = classification.patientRef();
        plan.assessmentId = classification.assessmentId();
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
        return Optional.of(plan);
    }
}
