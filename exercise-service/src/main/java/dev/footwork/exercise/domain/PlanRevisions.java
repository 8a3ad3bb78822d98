package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.FootPlan;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Inapplicable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ways a plan changes after it is issued, each giving the whole new plan content: progression
 * after a completed phase, a step back after broken pain rules, a clinician's adjustment, pause,
 * resume and supersession. Empty results mean there is nothing to change, so no revision is made.
 */
public final class PlanRevisions {

    private final PlanGenerator generator;
    private final LoadProgression load;

    public PlanRevisions(PlanGenerator generator) {
        this.generator = generator;
        this.load = new LoadProgression(generator.rules());
    }

    public LoadProgression load() {
        return load;
    }

    /**
     * After phase {@code completed} ends well, the plan moves to the next phase and every
     * prescription one step up. A report about an earlier phase than the current one, or about the
     * last phase, changes nothing; so does one about a plan that is not active.
     */
    public Optional<PlanContent> advance(PlanContent plan, int completed) {
        if (plan.status() != PlanStatus.ACTIVE
                || completed < plan.currentPhase()
                || completed >= plan.phases().size()) {
            return Optional.empty();
        }
        return Optional.of(
                withPhase(mapPrescriptions(plan, p -> load.stepUp(p).orElse(p)), completed + 1));
    }

    /** When the pain rule is broken every prescription goes one step down, where it can. */
    public Optional<PlanContent> reduce(PlanContent plan) {
        if (plan.status() != PlanStatus.ACTIVE) {
            return Optional.empty();
        }
        PlanContent reduced = mapPrescriptions(plan, p -> load.stepDown(p).orElse(p));
        return reduced.feet().equals(plan.feet()) ? Optional.empty() : Optional.of(reduced);
    }

    public Optional<PlanContent> pause(PlanContent plan) {
        return plan.status() == PlanStatus.ACTIVE
                ? Optional.of(withStatus(plan, PlanStatus.PAUSED))
                : Optional.empty();
    }

    public Optional<PlanContent> resume(PlanContent plan) {
        return plan.status() == PlanStatus.PAUSED
                ? Optional.of(withStatus(plan, PlanStatus.ACTIVE))
                : Optional.empty();
    }

    public PlanContent supersede(PlanContent plan) {
        return withStatus(plan, PlanStatus.SUPERSEDED);
    }

    /**
     * Applies a clinician's changes in order, all or nothing.
     *
     * @throws Inapplicable naming the first change that does not fit the plan, as {@code
     *     changes[i].<field>}
     */
    public PlanContent adjust(PlanContent plan, List<PlanAdjustment> changes) {
        List<FootPlan> feet = new ArrayList<>(plan.feet());
        for (int i = 0; i < changes.size(); i++) {
            PlanAdjustment change = changes.get(i);
            int at = footIndex(feet, change, i);
            FootPlan foot = feet.get(at);
            FootPlan changed = apply(foot, change, i);
            if (changed.prescriptions().isEmpty()) {
                feet.remove(at);
            } else {
                feet.set(at, changed);
            }
            if (feet.isEmpty()) {
                throw unfit(
                        i,
                        "exerciseId",
                        "this would leave the plan without exercises; pause the plan instead");
            }
        }
        return new PlanContent(
                plan.status(),
                plan.startsOn(),
                plan.weeks(),
                plan.currentPhase(),
                plan.phases(),
                List.copyOf(feet),
                plan.reassessmentDates());
    }

    private FootPlan apply(FootPlan foot, PlanAdjustment change, int i) {
        if (change instanceof PlanAdjustment.ChangeDosage c) {
            return changeDosage(foot, c, i);
        }
        if (change instanceof PlanAdjustment.Remove r) {
            return remove(foot, r, i);
        }
        if (change instanceof PlanAdjustment.Add a) {
            return add(foot, a, i);
        }
        return schedule(foot, (PlanAdjustment.SetSchedule) change, i);
    }

    private FootPlan changeDosage(FootPlan foot, PlanAdjustment.ChangeDosage c, int i) {
        Prescription p = prescribed(foot, c.exerciseId(), i);
        checkBand(c.exerciseId(), c.bandColour(), i);
        int sessions = or(c.sessionsPerWeek(), p.sessionsPerWeek());
        checkSessions(foot.sessionDays(), sessions, i);
        Prescription changed =
                new Prescription(
                        p.exerciseId(),
                        p.role(),
                        or(c.sets(), p.sets()),
                        or(c.reps(), p.reps()),
                        or(c.holdSeconds(), p.holdSeconds()),
                        c.bandColour() != null ? c.bandColour() : p.bandColour(),
                        sessions);
        return replace(foot, q -> q.exerciseId() == p.exerciseId() ? changed : q);
    }

    private static FootPlan remove(FootPlan foot, PlanAdjustment.Remove r, int i) {
        prescribed(foot, r.exerciseId(), i);
        return new FootPlan(
                foot.side(),
                foot.level(),
                foot.sessionDays(),
                foot.prescriptions().stream()
                        .filter(q -> q.exerciseId() != r.exerciseId())
                        .toList());
    }

    private FootPlan add(FootPlan foot, PlanAdjustment.Add a, int i) {
        if (foot.prescriptions().stream().anyMatch(q -> q.exerciseId() == a.exerciseId())) {
            throw unfit(
                    i,
                    "exerciseId",
                    a.exerciseId().id() + " is already in the " + foot.side() + " foot's plan");
        }
        checkBand(a.exerciseId(), a.bandColour(), i);
        Prescription start = generator.prescription(a.exerciseId(), a.role(), foot.level());
        int sessions =
                or(
                        a.sessionsPerWeek(),
                        Math.min(start.sessionsPerWeek(), foot.sessionDays().size()));
        checkSessions(foot.sessionDays(), sessions, i);
        List<Prescription> prescriptions = new ArrayList<>(foot.prescriptions());
        prescriptions.add(
                new Prescription(
                        a.exerciseId(),
                        a.role(),
                        or(a.sets(), start.sets()),
                        or(a.reps(), start.reps()),
                        or(a.holdSeconds(), start.holdSeconds()),
                        a.bandColour() != null ? a.bandColour() : start.bandColour(),
                        sessions));
        return new FootPlan(
                foot.side(), foot.level(), foot.sessionDays(), List.copyOf(prescriptions));
    }

    private static FootPlan schedule(FootPlan foot, PlanAdjustment.SetSchedule s, int i) {
        List<DayOfWeek> days = s.days();
        if (days == null || days.isEmpty() || new HashSet<>(days).size() != days.size()) {
            throw unfit(i, "days", "must name one to seven different weekdays");
        }
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        List<Prescription> capped =
                foot.prescriptions().stream()
                        .map(
                                q ->
                                        q.sessionsPerWeek() <= sorted.size()
                                                ? q
                                                : new Prescription(
                                                        q.exerciseId(),
                                                        q.role(),
                                                        q.sets(),
                                                        q.reps(),
                                                        q.holdSeconds(),
                                                        q.bandColour(),
                                                        sorted.size()))
                        .toList();
        return new FootPlan(foot.side(), foot.level(), sorted, capped);
    }

    private static int footIndex(List<FootPlan> feet, PlanAdjustment change, int i) {
        for (int at = 0; at < feet.size(); at++) {
            if (feet.get(at).side() == change.side()) {
                return at;
            }
        }
        throw unfit(i, "side", "the plan has no exercises for the " + change.side() + " foot");
    }

    private static Prescription prescribed(FootPlan foot, ExerciseId exercise, int i) {
        return foot.prescriptions().stream()
                .filter(q -> q.exerciseId() == exercise)
                .findFirst()
                .orElseThrow(
                        () ->
                                unfit(
                                        i,
                                        "exerciseId",
                                        exercise.id()
                                                + " is not in the "
                                                + foot.side()
                                                + " foot's plan"));
    }

    private static void checkBand(ExerciseId exercise, BandColour band, int i) {
        if (band != null && !exercise.usesBand()) {
            throw unfit(i, "bandColour", "must be left out for an exercise without a band");
        }
    }

    private static void checkSessions(List<DayOfWeek> days, int sessions, int i) {
        if (sessions > days.size()) {
            throw unfit(
                    i,
                    "sessionsPerWeek",
                    "must not exceed the foot's " + days.size() + " training days " + days);
        }
    }

    /** The refusal of change {@code index} of a clinician's list, at one of its fields. */
    private static Inapplicable unfit(int index, String field, String message) {
        List<FieldError> errors =
                List.of(new FieldError(field, message).under("changes[" + index + "]."));
        return new Inapplicable(
                "unfitting-adjustment",
                "Adjustment does not fit the plan",
                FieldError.describe(errors),
                errors);
    }

    private static int or(Integer value, int otherwise) {
        return value != null ? value : otherwise;
    }

    private static FootPlan replace(FootPlan foot, Function<Prescription, Prescription> f) {
        return new FootPlan(
                foot.side(),
                foot.level(),
                foot.sessionDays(),
                foot.prescriptions().stream().map(f).toList());
    }

    private static PlanContent mapPrescriptions(
            PlanContent plan, Function<Prescription, Prescription> f) {
        return new PlanContent(
                plan.status(),
                plan.startsOn(),
                plan.weeks(),
                plan.currentPhase(),
                plan.phases(),
                plan.feet().stream().map(foot -> replace(foot, f)).toList(),
                plan.reassessmentDates());
    }

    private static PlanContent withPhase(PlanContent plan, int phase) {
        return new PlanContent(
                plan.status(),
                plan.startsOn(),
                plan.weeks(),
                phase,
                plan.phases(),
                plan.feet(),
                plan.reassessmentDates());
    }

    private static PlanContent withStatus(PlanContent plan, PlanStatus status) {
        return new PlanContent(
                status,
                plan.startsOn(),
                plan.weeks(),
                plan.currentPhase(),
                plan.phases(),
                plan.feet(),
                plan.reassessmentDates());
    }
}
