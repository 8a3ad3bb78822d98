package dev.footwork.progress.application;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.application.Conflict;
import dev.footwork.support.application.Inapplicable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a logged session (ExerciseCompleted) once, by its clinic and completion id, and counts it
 * in its plan week; one whose plan has not arrived is kept and counted when it does. A completion
 * naming another patient than its plan's is refused; so is one its known plan does not hold ({@link
 * PlanBounds}): done outside the plan's weeks, or of an exercise and foot the plan does not
 * prescribe, unless it names a revision newer than the one known here, for which it waits.
 */
@ApplicationScoped
public class ApplyCompletion {

    /**
     * @param planRevision the revision the completion was logged against, as its event says
     */
    public record Command(
            UUID completionId,
            UUID planId,
            int planRevision,
            String clinicId,
            String patientRef,
            ExerciseSide exercise,
            Session session,
            Instant completedAt) {}

    /** What became of the completion. */
    public enum Result {
        COUNTED,
        /** Stored; counted when its plan arrives. */
        WAITING_FOR_PLAN,
        /**
         * Stored; its exercise is not in the plan as known here, but it names a newer revision:
         * counted when a revision that prescribes it arrives.
         */
        WAITING_FOR_REVISION,
        /** The same session was stored before (published again under another event id). */
        ALREADY_STORED
    }

    private static final String ACTIVE = PlanStatus.ACTIVE.name();

    private final PlanTallies tallies;
    private final PlanBounds bounds;
    private final ChangeNotices notices;
    private final Clock clock;

    ApplyCompletion(PlanTallies tallies, PlanBounds bounds, ChangeNotices notices, Clock clock) {
        this.tallies = tallies;
        this.bounds = bounds;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Applies the completion in the consumer's transaction.
     *
     * @throws Conflict {@code patient-mismatch}
     * @throws Inapplicable {@code outside-plan}, {@code not-prescribed}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result handle(Command command) {
        PlanProgress progress =
                tallies.lock(command.planId(), command.clinicId(), command.patientRef());
        KnownPlan plan = KnownPlan.findById(new PlanKey(command.clinicId(), command.planId()));
        PlanCalendar calendar = plan == null ? null : new PlanCalendar(plan.content);
        boolean prescribed = true;
        if (plan != null) {
            if (!plan.patientRef.equals(command.patientRef())) {
                throw new Conflict(
                        "patient-mismatch",
                        "plan " + command.planId() + " is not " + command.patientRef() + "'s plan");
            }
            Optional<Inapplicable> outside =
                    bounds.outsideWeeks(
                            plan, calendar, command.completionId(), command.completedAt());
            if (outside.isPresent()) {
                throw outside.get();
            }
            prescribed = bounds.prescribed(plan, calendar, command.exercise());
            if (!prescribed && command.planRevision() <= plan.revision) {
                throw bounds.notPrescribed(plan, command.completionId(), command.exercise());
            }
        }
        Instant now = clock.instant();
        Completion completion = new Completion();
        completion.completionId = command.completionId();
        completion.clinicId = command.clinicId();
        completion.patientRef = command.patientRef();
        completion.planId = command.planId();
        completion.exerciseId = command.exercise().exerciseId();
        completion.side = command.exercise().side();
        completion.sets = command.session().sets();
        completion.reps = command.session().reps();
        completion.holdSeconds = command.session().holdSeconds();
        completion.pain = command.session().pain();
        // PostgreSQL keeps microseconds: store what it will give back
        completion.completedAt = command.completedAt().truncatedTo(ChronoUnit.MICROS);
        completion.receivedAt = now;
        if (plan != null && prescribed) {
            completion.week = tallies.weekOf(completion, calendar);
        }
        if (!completion.storeOnce()) {
            return Result.ALREADY_STORED;
        }
        progress.updatedAt = now;
        if (plan == null) {
            return Result.WAITING_FOR_PLAN;
        }
        if (!prescribed) {
            return Result.WAITING_FOR_REVISION;
        }
        tallies.add(completion);
        counted(progress, completion);
        // the worklist's stored figures and the alerts follow at the next evaluation pass, which
        // takes the plan as due: refreshing them for every session would cost a third of the
        // throughput; summaries are computed live
        if (ACTIVE.equals(plan.status)) {
            progress.dueBy(now);
        }
        notices.changed(plan.clinicId, plan.patientRef);
        return Result.COUNTED;
    }

    /**
     * The plan's last activity follows the completions it counts (a waiting one may still be
     * refused by its plan).
     */
    static void counted(PlanProgress progress, Completion completion) {
        if (progress.lastActivityAt == null
                || completion.completedAt.isAfter(progress.lastActivityAt)) {
            progress.lastActivityAt = completion.completedAt;
        }
    }
}
