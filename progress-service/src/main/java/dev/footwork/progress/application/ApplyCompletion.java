package dev.footwork.progress.application;

import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.application.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Stores a logged session (ExerciseCompleted) once, by its clinic and completion id, and counts it
 * in its plan week; one whose plan has not arrived is kept and counted when it does. A completion
 * naming another patient than its plan's is refused. Plan and completion ids are unique within a
 * clinic only: another clinic's plan or completion of the same id is another one.
 */
@ApplicationScoped
public class ApplyCompletion {

    public record Command(
            UUID completionId,
            UUID planId,
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
        /** The same session was stored before (published again under another event id). */
        ALREADY_STORED
    }

    private final PlanTallies tallies;
    private final ChangeNotices notices;
    private final Clock clock;

    ApplyCompletion(PlanTallies tallies, ChangeNotices notices, Clock clock) {
        this.tallies = tallies;
        this.notices = notices;
        this.clock = clock;
    }

    /** Applies the completion in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result handle(Command command) {
        PlanProgress progress =
                tallies.lock(command.planId(), command.clinicId(), command.patientRef());
        KnownPlan plan = KnownPlan.findById(new PlanKey(command.clinicId(), command.planId()));
        if (plan != null && !plan.patientRef.equals(command.patientRef())) {
            throw new Conflict(
                    "patient-mismatch",
                    "plan " + command.planId() + " is not " + command.patientRef() + "'s plan");
        }
        if (Completion.findById(new Completion.Key(command.clinicId(), command.completionId()))
                != null) {
            return Result.ALREADY_STORED;
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
        completion.persist();
        if (progress.lastActivityAt == null
                || completion.completedAt.isAfter(progress.lastActivityAt)) {
            progress.lastActivityAt = completion.completedAt;
        }
        progress.updatedAt = now;
        if (plan == null) {
            return Result.WAITING_FOR_PLAN;
        }
        tallies.count(completion, new PlanCalendar(plan.content));
        // the worklist's stored figures follow at the next evaluation pass: refreshing them for
        // every session would cost a third of the throughput; summaries are computed live
        notices.changed(plan.clinicId, plan.patientRef);
        return Result.COUNTED;
    }
}
