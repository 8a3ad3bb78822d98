package dev.footwork.exercise.persistence;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks a logged completion against the plan revision in force when it was done, stores it and
 * records an ExerciseCompleted event in one transaction. A retry with the same completion id
 * returns the stored completion.
 */
@ApplicationScoped
public class CompletionRecorder {

    /** Clock skew tolerated between the patient's device and the server. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final Clock clock;

    CompletionRecorder(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A completion as logged by the patient's app.
     *
     * @param completionId the client's id, or one derived from its Idempotency-Key
     * @param keyed whether the id came from an Idempotency-Key rather than the body
     */
    public record Logged(
            UUID completionId,
            boolean keyed,
            ExerciseId exerciseId,
            Side side,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int pain,
            Instant completedAt) {}

    /** The stored completion and whether this call created it. */
    public record Result(Completion completion, boolean created) {}

    @Transactional
    public Result record(String clinicId, UUID planId, Logged logged) {
        Plan plan =
                Plan.byId(planId).orElseThrow(() -> ProblemException.notFound("plan " + planId));
        Completion existing = Completion.findById(logged.completionId());
        if (existing != null) {
            if (!existing.clinicId.equals(clinicId)
                    || !existing.planId.equals(planId)
                    || !sameAs(existing, logged)) {
                throw logged.keyed()
                        ? new ProblemException(
                                422,
                                "Idempotency-Key reused",
                                "this Idempotency-Key was already used for a different completion")
                        : new ProblemException(
                                409,
                                "Conflict",
                                "completion "
                                        + logged.completionId()
                                        + " was already recorded with different content");
            }
            return new Result(existing, false);
        }
        PlanRevision inForce = check(plan, logged);

        Instant now = clock.instant();
        Completion c = new Completion();
        c.id = logged.completionId();
        c.planId = plan.id;
        c.planRevision = inForce.revision;
        c.clinicId = plan.clinicId;
        c.patientRef = plan.patientRef;
        c.exerciseId = logged.exerciseId().id();
        c.side = logged.side();
        c.sets = logged.sets();
        c.reps = logged.reps();
        c.holdSeconds = logged.holdSeconds();
        c.bandColour = logged.bandColour();
        c.pain = logged.pain();
        c.completedAt = logged.completedAt().truncatedTo(ChronoUnit.MICROS);
        c.recordedAt = now;
        // a concurrent request with the same id fails here, not at commit, so it can be retried
        c.persistAndFlush();

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

    /** Returns the revision the completion counts against. */
    private PlanRevision check(Plan plan, Logged logged) {
        if (logged.completedAt().isAfter(clock.instant().plus(SKEW))) {
            throw ProblemException.invalidField("completedAt", "must not be in the future");
        }
        if (logged.exerciseId().usesBand() != (logged.bandColour() != null)) {
            throw ProblemException.invalidField(
                    "bandColour",
                    logged.exerciseId().usesBand()
                            ? "is required for a band exercise"
                            : "must be left out for an exercise without a band");
        }
        PlanRevision inForce =
                PlanRevision.inForceAt(plan.id, logged.completedAt())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "completedAt",
                                                "must not be before the plan began ("
                                                        + plan.issuedAt
                                                        + ")"));
        PlanContent content = inForce.content;
        if (content.status() != PlanContent.PlanStatus.ACTIVE) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "plan "
                            + plan.id
                            + " was "
                            + content.status().name().toLowerCase()
                            + " at "
                            + logged.completedAt()
                            + (content.status() == PlanContent.PlanStatus.SUPERSEDED
                                    ? "; log the session against the patient's newer plan"
                                    : ""));
        }
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
                            + " foot in revision "
                            + inForce.revision
                            + " of this plan");
        }
        return inForce;
    }

    private static boolean sameAs(Completion c, Logged logged) {
        return c.exerciseId.equals(logged.exerciseId().id())
                && c.side == logged.side()
                && c.sets == logged.sets()
                && c.reps == logged.reps()
                && c.holdSeconds == logged.holdSeconds()
                && Objects.equals(c.bandColour, logged.bandColour())
                && c.pain == logged.pain()
                // stored to the microsecond, as PostgreSQL keeps it
                && c.completedAt.equals(logged.completedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
