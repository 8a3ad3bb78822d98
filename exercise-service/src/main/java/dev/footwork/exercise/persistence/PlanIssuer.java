package dev.footwork.exercise.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
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
 * Issues a plan for a classification: supersedes the patient's active plan, stores the new one and
 * records PlanRevised / PlanIssued in the same transaction.
 */
@ApplicationScoped
public class PlanIssuer {

    private final PlanGenerator generator;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    PlanIssuer(PlanGenerator generator, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.generator = generator;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Returns the new plan, or empty when this assessment already has one. */
    @Transactional
    public Optional<Plan> issueFor(FootClassified classification) {
        if (Plan.existsForAssessment(classification.clinicId(), classification.assessmentId())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID superseded =
                Plan.activeOf(classification.clinicId(), classification.patientRef())
                        .map(old -> supersede(old, now))
                        .orElse(null);

        PlanContent content =
                generator.generate(classification, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.clinicId = classification.clinicId();
        plan.patientRef = classification.patientRef();
        plan.assessmentId = classification.assessmentId();
        plan.revision = 1;
        plan.status = Plan.ACTIVE;
        plan.rulesVersion = generator.rules().version();
        plan.startsOn = content.startsOn();
        plan.issuedAt = now;
        plan.supersedesId = superseded;
        plan.content = toJson(content);
        plan.updatedAt = now;
        plan.persist();

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

    private UUID supersede(Plan old, Instant now) {
        PlanContent previous = read(old.content);
        PlanContent content =
                new PlanContent(
                        PlanContent.PlanStatus.SUPERSEDED,
                        previous.startsOn(),
                        previous.weeks(),
                        previous.currentPhase(),
                        previous.phases(),
                        previous.feet(),
                        previous.reassessmentDates());
        old.status = PlanContent.PlanStatus.SUPERSEDED.name();
        old.revision++;
        old.content = toJson(content);
        old.updatedAt = now;
        // the new plan must not meet this one as ACTIVE in the one-active-plan index
        Plan.flush();
        outbox.add(
                new PlanRevised(
                        old.id,
                        old.clinicId,
                        old.patientRef,
                        old.revision,
                        now,
                        PlanRevised.Reason.SUPERSEDED,
                        content),
                now);
        return old.id;
    }

    public PlanContent read(String json) {
        try {
            return mapper.readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }

    private String toJson(PlanContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan content", e);
        }
    }
}
