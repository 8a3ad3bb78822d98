package dev.footwork.exercise.application;

import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanRevision;
import dev.footwork.support.application.ApplicationException;
import dev.footwork.support.application.Conflict;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.InstantRange;
import dev.footwork.support.application.NotFound;
import dev.footwork.support.application.Rejected;
import dev.footwork.support.idempotency.IdempotencyKeys;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Logs sessions a patient did, one or a batch, sent over REST or by a clinic platform on its
 * ingress topic: checks each against the plan revision in force when it was done, stores it and
 * records ExerciseCompleted in one transaction. A retry is answered with the stored completion: the
 * same completion id names it, or without one the same Idempotency-Key. Completion ids are unique
 * per clinic: an id another clinic used is simply a new completion here.
 */
@ApplicationScoped
public class LogCompletion {

    /** Clock skew tolerated between the patient's device and the server. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    /**
     * One session of one exercise on one foot, as the patient's app logged it. Its bounds are the
     * ones the REST body ({@code api.NewCompletion}) declares and the event schema repeats; {@link
     * #check} holds an entry from an event to them too.
     *
     * @param completionId the client's id, or null
     */
    public record Entry(
            UUID completionId,
            ExerciseId exerciseId,
            Side side,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int pain,
            Instant completedAt) {

        public static final int MIN_SETS = 1;
        public static final int MAX_SETS = 10;
        public static final int MIN_REPS = 1;
        public static final int MAX_REPS = 100;
        public static final int MIN_HOLD_SECONDS = 0;
        public static final int MAX_HOLD_SECONDS = 120;
        public static final int MIN_PAIN = 0;
        public static final int MAX_PAIN = 10;

        /**
         * Refuses an entry outside its bounds, naming every field at fault: what bean validation
         * does for a REST body, done here for input that never passed through it.
         */
        void check() {
            List<FieldError> errors = new ArrayList<>();
            require(errors, "exerciseId", exerciseId);
            require(errors, "side", side);
            require(errors, "completedAt", completedAt);
            within(errors, "sets", sets, MIN_SETS, MAX_SETS);
            within(errors, "reps", reps, MIN_REPS, MAX_REPS);
            within(errors, "holdSeconds", holdSeconds, MIN_HOLD_SECONDS, MAX_HOLD_SECONDS);
            within(errors, "pain", pain, MIN_PAIN, MAX_PAIN);
            if (!errors.isEmpty()) {
                throw new Rejected(errors);
            }
        }

        private static void require(List<FieldError> errors, String field, Object value) {
            if (value == null) {
                errors.add(new FieldError(field, "must not be null"));
            }
        }

        private static void within(
                List<FieldError> errors, String field, int value, int min, int max) {
            if (value < min || value > max) {
                errors.add(
                        new FieldError(
                                field,
                                "must be between " + min + " and " + max + ", was " + value));
            }
        }
    }

    /**
     * One completion to log.
     *
     * @param idempotencyKey names the completion across retries when the entry has no id
     * @param patientRef the patient the plan must be for, when the source of the command says (an
     *     event names its patient); a plan of another patient is refused as if it did not exist
     */
    public record Command(
            String clinicId,
            UUID planId,
            Optional<String> idempotencyKey,
            Optional<String> patientRef,
            Entry entry) {

        /** A completion for whichever patient the plan is for (the caller's access was checked). */
        public Command(String clinicId, UUID planId, Optional<String> idempotencyKey, Entry entry) {
            this(clinicId, planId, idempotencyKey, Optional.empty(), entry);
        }
    }

    /** The stored completion and whether this call created it. */
    public record Result(CompletionView completion, boolean created) {}

    /**
     * Completions an offline app logged, sent together.
     *
     * @param idempotencyKey names item {@code i} as {@code <key>#<i>} when it has no id
     */
    public record Batch(
            String clinicId, UUID planId, Optional<String> idempotencyKey, List<Item> items) {}

    /** One item of a batch: its entry, or why it could not be read as one. */
    public record Item(Entry entry, Rejected unreadable) {

        public static Item of(Entry entry) {
            return new Item(entry, null);
        }

        public static Item unreadable(Rejected why) {
            return new Item(null, why);
        }
    }

    /**
     * What became of one item of a batch: its result, or its refusal, whose fields are named {@code
     * completions[i].<field>}.
     */
    public record Outcome(int index, Result result, ApplicationException refusal) {}

    private final IdempotencyKeys keys;
    private final LockedPlans plans;
    private final Outbox outbox;
    private final Clock clock;

    LogCompletion(IdempotencyKeys keys, LockedPlans plans, Outbox outbox, Clock clock) {
        this.plans = plans;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Logs one completion, in a transaction of its own (retried once when it lost a race). */
    public Result handle(Command command) {
        return IdempotencyKeys.once(() -> log(command));
    }

    /**
     * Logs each item of a batch on its own, so that valid items are kept whatever the others hold.
     *
     * @throws NotFound when the plan does not exist: the whole batch is refused
     */
    public List<Outcome> handle(Batch batch) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            outcomes.add(logItem(batch, i));
        }
        return outcomes;
    }

    private Outcome logItem(Batch batch, int index) {
        Item item = batch.items().get(index);
        if (item.unreadable() != null) {
            return refused(index, item.unreadable());
        }
        Command command =
                new Command(
                        batch.clinicId(),
                        batch.planId(),
                        batch.idempotencyKey().map(key -> key + "#" + index),
                        item.entry());
        try {
            return new Outcome(index, handle(command), null);
        } catch (NotFound e) {
            // no plan, no item: the batch as a whole is refused
            throw e;
        } catch (ApplicationException e) {
            return refused(index, e);
        }
    }

    /** Only a {@link Rejected} names fields among an item's refusals: they move under the item. */
    private static Outcome refused(int index, ApplicationException refusal) {
        String item = "completions[" + index + "].";
        return new Outcome(
                index,
                null,
                refusal instanceof Rejected rejected
                        ? new Rejected(
                                rejected.code(),
                                rejected.errors().stream().map(e -> e.under(item)).toList())
                        : refusal);
    }

    private Result log(Command command) {
        UUID planId = command.planId();
        Entry entry = command.entry();
        entry.check();
        if (command.patientRef().isPresent()
                && !command.patientRef().equals(patientOf(command.clinicId(), planId))) {
            // another patient's plan looks like none; checked before its patient's lock is taken
            throw new NotFound("plan " + planId);
        }
        Plan plan =
                plans.byId(command.clinicId(), planId)
                        .orElseThrow(() -> new NotFound("plan " + planId));
        if (entry.completionId() != null) {
            // ids are the clinic's own: another clinic's completion of this id is no concern here
            Optional<Completion> existing =
                    Completion.byId(command.clinicId(), entry.completionId());
            return existing.isPresent()
                    ? replay(existing.get(), command)
                    : record(plan, entry.completionId(), entry);
        }
        if (command.idempotencyKey().isEmpty()) {
            return record(plan, UUID.randomUUID(), entry);
        }
        String scope = "plans/" + planId + "/completions";
        IdempotencyKeys.Key key = keys.key(command.idempotencyKey().get(), entry);
        Optional<UUID> earlier = keys.earlier(command.clinicId(), scope, key, "completion");
        if (earlier.isPresent()) {
            Completion stored = Completion.byId(command.clinicId(), earlier.get()).orElseThrow();
            return new Result(CompletionView.of(stored), false);
        }
        Result created = record(plan, UUID.randomUUID(), entry);
        keys.remember(command.clinicId(), plan.patientRef, scope, key, created.completion().id());
        return created;
    }

    /** The patient of the clinic's plan, read without a lock; empty when there is no such plan. */
    private static Optional<String> patientOf(String clinicId, UUID planId) {
        return Optional.ofNullable(Plan.getEntityManager().find(Plan.class, planId))
                .filter(plan -> plan.clinicId.equals(clinicId))
                .map(plan -> plan.patientRef);
    }

    /** The completion the clinic stored before under the client's id, when it is the same one. */
    private static Result replay(Completion existing, Command command) {
        if (!existing.planId.equals(command.planId()) || !sameAs(existing, command.entry())) {
            throw new Conflict(
                    "completion-id-reused",
                    "completion " + existing.id + " was already recorded with different content");
        }
        return new Result(CompletionView.of(existing), false);
    }

    private Result record(Plan plan, UUID id, Entry entry) {
        PlanRevision inForce = check(plan, entry);
        Completion c = new Completion();
        c.id = id;
        c.planId = plan.id;
        c.planRevision = inForce.revision;
        c.clinicId = plan.clinicId;
        c.patientRef = plan.patientRef;
        c.exerciseId = entry.exerciseId().id();
        c.side = entry.side();
        c.sets = entry.sets();
        c.reps = entry.reps();
        c.holdSeconds = entry.holdSeconds();
        c.bandColour = entry.bandColour();
        c.pain = entry.pain();
        c.completedAt = entry.completedAt().truncatedTo(ChronoUnit.MICROS);
        c.recordedAt = clock.instant();
        // a concurrent request with the same id fails here, not at commit, so it can be retried
        c.persistAndFlush();

        outbox.add(
                new ExerciseCompleted(
                        c.id,
                        c.planId,
                        c.planRevision,
                        c.clinicId,
                        c.patientRef,
                        entry.exerciseId(),
                        c.side,
                        c.sets,
                        c.reps,
                        c.holdSeconds,
                        c.bandColour,
                        c.pain,
                        c.completedAt),
                c.completedAt);
        return new Result(CompletionView.of(c), true);
    }

    /** Returns the revision the completion counts against. */
    private PlanRevision check(Plan plan, Entry entry) {
        // checked for REST input already; an event's instant is checked here before any query
        InstantRange.require("completedAt", entry.completedAt());
        if (entry.completedAt().isAfter(clock.instant().plus(SKEW))) {
            throw Rejected.field("completedAt", "must not be in the future");
        }
        if (entry.exerciseId().usesBand() != (entry.bandColour() != null)) {
            throw Rejected.field(
                    "bandColour",
                    entry.exerciseId().usesBand()
                            ? "is required for a band exercise"
                            : "must be left out for an exercise without a band");
        }
        PlanRevision inForce =
                PlanRevision.inForceAt(plan.id, entry.completedAt())
                        .orElseThrow(
                                () ->
                                        Rejected.field(
                                                "completedAt",
                                                "must not be before the plan began ("
                                                        + plan.issuedAt
                                                        + ")"));
        PlanContent content = inForce.content;
        if (content.status() != PlanContent.PlanStatus.ACTIVE) {
            throw new Conflict(
                    "plan-not-active",
                    "plan "
                            + plan.id
                            + " was "
                            + content.status().name().toLowerCase()
                            + " at "
                            + entry.completedAt()
                            + (content.status() == PlanContent.PlanStatus.SUPERSEDED
                                    ? "; log the session against the patient's newer plan"
                                    : ""));
        }
        boolean prescribed =
                content.feet().stream()
                        .filter(foot -> foot.side() == entry.side())
                        .flatMap(foot -> foot.prescriptions().stream())
                        .anyMatch(p -> p.exerciseId() == entry.exerciseId());
        if (!prescribed) {
            throw Rejected.field(
                    "exerciseId",
                    entry.exerciseId().id()
                            + " is not prescribed for the "
                            + entry.side()
                            + " foot in revision "
                            + inForce.revision
                            + " of this plan");
        }
        return inForce;
    }

    private static boolean sameAs(Completion c, Entry entry) {
        return c.exerciseId.equals(entry.exerciseId().id())
                && c.side == entry.side()
                && c.sets == entry.sets()
                && c.reps == entry.reps()
                && c.holdSeconds == entry.holdSeconds()
                && Objects.equals(c.bandColour, entry.bandColour())
                && c.pain == entry.pain()
                // stored to the microsecond, as PostgreSQL keeps it
                && c.completedAt.equals(entry.completedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
