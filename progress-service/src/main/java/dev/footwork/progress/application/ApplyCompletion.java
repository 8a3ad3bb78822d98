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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Instant now = clock.instant();
        PlanProgress progress =
                tallies.lock(command.planId(), command.clinicId(), command.patientRef());
        KnownPlan plan = KnownPlan.findById(new PlanKey(command.clinicId(), command.planId()));
        Checked checked =
                check(command, plan, plan == null ? null : new PlanCalendar(plan.content), now);
        if (!checked.completion().storeOnce()) {
            return Result.ALREADY_STORED;
        }
        Result result = settle(checked, progress, now);
        if (result == Result.COUNTED) {
            tallies.add(checked.completion());
            notices.changed(plan.clinicId, plan.patientRef);
        }
        return result;
    }

    /**
     * Applies completions of one clinic in the consumer's transaction, with the results and figures
     * of {@link #handle} applied to each in turn, in a few statements whatever their number: their
     * plans' rows are locked and read together, the completions stored in one statement, the week
     * rows they count in read in one more.
     *
     * @throws Conflict {@code patient-mismatch} of any of them: none is applied
     * @throws Inapplicable {@code outside-plan}, {@code not-prescribed} of any of them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Result> handleAll(List<Command> commands) {
        if (commands.size() == 1) {
            return List.of(handle(commands.get(0)));
        }
        Instant now = clock.instant();
        String clinicId = commands.get(0).clinicId();
        // a plan's row is created for the patient its first completion names, as one by one
        Map<UUID, String> patients = new LinkedHashMap<>();
        for (Command command : commands) {
            patients.putIfAbsent(command.planId(), command.patientRef());
        }
        Map<UUID, PlanProgress> rows = tallies.lockAll(clinicId, patients);
        Map<UUID, KnownPlan> plans = KnownPlan.byIds(patients.keySet());
        Map<UUID, PlanCalendar> calendars = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        Map<UUID, Completion> firstOfId = new LinkedHashMap<>();
        for (Command command : commands) {
            KnownPlan plan = plans.get(command.planId());
            PlanCalendar calendar =
                    plan == null
                            ? null
                            : calendars.computeIfAbsent(
                                    plan.planId, id -> new PlanCalendar(plan.content));
            Checked one = check(command, plan, calendar, now);
            checked.add(one);
            firstOfId.putIfAbsent(one.completion().completionId, one.completion());
        }
        Set<UUID> stored = Completion.storeAll(clinicId, List.copyOf(firstOfId.values()));
        List<Result> results = new ArrayList<>();
        List<Completion> counted = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Checked one : checked) {
            Completion completion = one.completion();
            // a second completion of an id, in this poll or before it, is the same session
            if (firstOfId.get(completion.completionId) != completion
                    || !stored.contains(completion.completionId)) {
                results.add(Result.ALREADY_STORED);
                continue;
            }
            Result result = settle(one, rows.get(completion.planId), now);
            if (result == Result.COUNTED) {
                counted.add(completion);
                changed.add(one.plan().patientRef);
            }
            results.add(result);
        }
        tallies.addAll(counted);
        notices.changed(clinicId, changed);
        return results;
    }

    /**
     * A completion checked against its plan as known here, ready to store.
     *
     * @param plan null while the plan has not arrived
     * @param prescribed whether the plan prescribes its exercise and foot (true without a plan)
     */
    private record Checked(Completion completion, KnownPlan plan, boolean prescribed) {}

    /**
     * Checks a completion against its plan and makes the row to store, with the week it counts in.
     *
     * @throws Conflict {@code patient-mismatch}
     * @throws Inapplicable {@code outside-plan}, {@code not-prescribed}
     */
    private Checked check(Command command, KnownPlan plan, PlanCalendar calendar, Instant now) {
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
        return new Checked(completion, plan, prescribed);
    }

    /**
     * What a stored completion does to its plan's progress row; a counted one is left for the
     * caller to add to its week's tally and to notify.
     */
    private static Result settle(Checked checked, PlanProgress progress, Instant now) {
        progress.updatedAt = now;
        if (checked.plan() == null) {
            return Result.WAITING_FOR_PLAN;
        }
        if (!checked.prescribed()) {
            return Result.WAITING_FOR_REVISION;
        }
        counted(progress, checked.completion());
        // the worklist's stored figures and the alerts follow at the next evaluation pass, which
        // takes the plan as due: refreshing them for every session would cost a third of the
        // throughput; summaries are computed live
        if (ACTIVE.equals(checked.plan().status)) {
            progress.dueBy(now);
        }
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
