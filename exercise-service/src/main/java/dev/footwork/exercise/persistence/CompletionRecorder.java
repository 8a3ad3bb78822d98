package dev.footwork.exercise.persistence;

import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.ExerciseId;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.contracts.events.Side;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks a logged completion against its plan, stores it and records an ExerciseCompleted event in
 * one transaction. A retry with the same completion id returns the stored completion.
 */
@ApplicationScoped
public class CompletionRecorder {

    /** Clock skew tolerated between the patient's device and the server. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final PlanIssuer plans;
    private final Outbox outbox;
    private final Clock clock;

    CompletionRecorder(PlanIssuer plans, Outbox outbox, Clock clock) {
        this.plans = plans;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A completion as logged by the patient's app. */
    public record Logged(
            UUID completionId,
            ExerciseId exerciseId,
            Side side,
            int sets,
            int reps,
            int holdSeconds,
            dev.footwork.contracts.events.BandColour bandColour,
            int pain,
            Instant completedAt) {}

    /** The stored completion and whether this call created it. */
    public record Result(Completion completion, boolean created) {}

    @Transactional
    public Result record(String clinicId, UUID planId, Logged logged) {
        Plan plan =
                Plan.findInClinic(clinicId, planId)
                        .orElseThrow(() -> ProblemException.notFound("plan " + planId));
        UUID id = logged.completionId() != null ? logged.completionId() : UUID.randomUUID();
        Completion existing = Completion.findById(id);
        if (existing != null) {
            if (!existing.planId.equals(planId) || !sameAs(existing, logged)) {
                throw new ProblemException(
                        409,
                        "Conflict",
                        "completion " + id + " was already recorded with different content");
            }
            return new Result(existing, false);
        }
        check(plan, logged);

        Instant now = clock.instant();
        Completion c = new Completion();
        c.id = id;
        c.planId = plan.id;
        c.planRevision = plan.revision;
        c.clinicId = plan.clinicId;
        c.patientRef = plan.patientRef;
        c.exerciseId = logged.exerciseId().id();
        c.side = logged.side();
        c.sets = logged.sets();
        c.reps = logged.reps();
        c.holdSeconds = logged.holdSeconds();
        c.bandColour = logged.bandColour();
        c.pain = logged.pain();
        c.completedAt = logged.completedAt();
        c.recordedAt = now;
        c.persist();

        outbox.add(
                new ExerciseCompleted(
                        c.id,
                        c.planId,
                        c.planRevision,
                        c.clinicId,
                        c.patientRef,
                        logged.exerciseId(),
                        c.side,
                        c.sets,
                        c.reps,
                        c.holdSeconds,
                        c.bandColour,
                        c.pain,
                        c.completedAt),
                c.completedAt);
        return new Result(c, true);
    }

    private void check(Plan plan, Logged logged) {
        if (!Plan.ACTIVE.equals(plan.status)) {
            throw new ProblemException(
                    409, "Conflict", "plan " + plan.id + " is " + plan.status + ", not active");
        }
        PlanContent content = plans.read(plan.content);
        boolean prescribed =
                content.feet().stream()
                        .filter(foot -> foot.side() == logged.side())
                        .flatMap(foot -> foot.prescriptions().stream())
                        .anyMatch(p -> p.exerciseId() == logged.exerciseId());
        if (!prescribed) {
            throw ProblemException.invalidField(
                    "exerciseId",
                    logged.exerciseId().id()
                            + " is not prescribed for the "
                            + logged.side()
                            + " foot in this plan");
        }
        if (logged.completedAt().isAfter(clock.instant().plus(SKEW))) {
            throw ProblemException.invalidField("completedAt", "must not be in the future");
        }
        Instant began = plan.startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (logged.completedAt().isBefore(began)) {
            throw ProblemException.invalidField(
                    "completedAt", "must not be before the plan began (" + plan.startsOn + ")");
        }
        if (logged.exerciseId().usesBand() != (logged.bandColour() != null)) {
            throw ProblemException.invalidField(
                    "bandColour",
                    logged.exerciseId().usesBand()
                            ? "is required for a band exercise"
                            : "must be left out for an exercise without a band");
        }
    }

    private static boolean sameAs(Completion c, Logged logged) {
        return c.exerciseId.equals(logged.exerciseId().id())
                && c.side == logged.side()
                && c.sets == logged.sets()
                && c.reps == logged.reps()
                && c.holdSeconds == logged.holdSeconds()
                && Objects.equals(c.bandColour, logged.bandColour())
                && c.pain == logged.pain()
                && c.completedAt.equals(logged.completedAt());
    }
}
