package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import java.util.Optional;

/**
 * One step of load up or down for one prescription, within the exercise's {@link PlanRules.Limits}.
 *
 * <p>Up: one more set until the maximum, then more repetitions until the maximum, then the next
 * band colour starting again at the fewest repetitions, then one more second of hold. Down, for
 * pain: fewer repetitions until the minimum, then the lighter band, then one set fewer. Down is
 * deliberately not the mirror of up: when pain says the load is too high, the band comes off before
 * a set does.
 */
public final class LoadProgression {

    private final PlanRules rules;

    public LoadProgression(PlanRules rules) {
        this.rules = rules;
    }

    /** The prescription one step heavier, or empty when it is at the top of its limits. */
    public Optional<Prescription> stepUp(Prescription p) {
        PlanRules.Limits limits = rules.limits(p.exerciseId());
        if (p.sets() < limits.maxSets()) {
            return Optional.of(with(p, p.sets() + 1, p.reps(), p.holdSeconds(), p.bandColour()));
        }
        if (p.reps() < limits.maxReps()) {
            int reps = Math.min(limits.maxReps(), p.reps() + limits.repsStep());
            return Optional.of(with(p, p.sets(), reps, p.holdSeconds(), p.bandColour()));
        }
        if (p.bandColour() != null && p.bandColour() != BandColour.BLACK) {
            BandColour next = BandColour.values()[p.bandColour().ordinal() + 1];
            return Optional.of(with(p, p.sets(), limits.minReps(), p.holdSeconds(), next));
        }
        if (p.holdSeconds() < limits.maxHoldSeconds()) {
            return Optional.of(with(p, p.sets(), p.reps(), p.holdSeconds() + 1, p.bandColour()));
        }
        return Optional.empty();
    }

    /** The prescription one step lighter, or empty when it is at the bottom of its limits. */
    public Optional<Prescription> stepDown(Prescription p) {
        PlanRules.Limits limits = rules.limits(p.exerciseId());
        if (p.reps() > limits.minReps()) {
            int reps = Math.max(limits.minReps(), p.reps() - limits.repsStep());
            return Optional.of(with(p, p.sets(), reps, p.holdSeconds(), p.bandColour()));
        }
        if (p.bandColour() != null && p.bandColour() != BandColour.YELLOW) {
            BandColour lighter = BandColour.values()[p.bandColour().ordinal() - 1];
            return Optional.of(with(p, p.sets(), p.reps(), p.holdSeconds(), lighter));
        }
        if (p.sets() > limits.minSets()) {
            return Optional.of(with(p, p.sets() - 1, p.reps(), p.holdSeconds(), p.bandColour()));
        }
        return Optional.empty();
    }

    /** The prescription after {@code steps} steps up (fewer when it reaches the top). */
    public Prescription projected(Prescription p, int steps) {
        Prescription current = p;
        for (int i = 0; i < steps; i++) {
            current = stepUp(current).orElse(current);
        }
        return current;
    }

    private static Prescription with(
            Prescription p, int sets, int reps, int holdSeconds, BandColour band) {
        return new Prescription(
                p.exerciseId(), p.role(), sets, reps, holdSeconds, band, p.sessionsPerWeek());
    }
}
