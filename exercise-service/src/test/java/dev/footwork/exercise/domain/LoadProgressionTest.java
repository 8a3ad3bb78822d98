package dev.footwork.exercise.domain;

import static dev.footwork.exercise.domain.PlanFixtures.band;
import static dev.footwork.exercise.domain.PlanFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LoadProgressionTest {

    private final LoadProgression load = new LoadProgression(shippedRules());

    @Test
    void aBandExerciseAddsASetThenRepetitionsThenTheNextBand() {
        List<String> ladder =
                climb(band(ExerciseId.BAND_INVERSION, 2, 10, 2, BandColour.YELLOW), 5);

        assertThat(ladder)
                .containsExactly(
                        "2x10 hold 2 YELLOW",
                        "3x10 hold 2 YELLOW",
                        "3x15 hold 2 YELLOW",
                        "3x10 hold 2 RED",
                        "3x15 hold 2 RED",
                        "3x10 hold 2 GREEN");
    }

    @Test
    void afterTheBlackBandOnlyHoldTimeIsLeftAndThenNothing() {
        Prescription top = band(ExerciseId.BAND_EVERSION, 3, 15, 2, BandColour.BLACK);

        Prescription held = load.stepUp(top).orElseThrow();
        assertThat(describe(held)).isEqualTo("3x15 hold 3 BLACK");
        assertThat(load.stepUp(held)).isEmpty();
    }

    @Test
    void heelRaiseGrowsToFourSetsOfFifteenWithoutABand() {
        Prescription start =
                new Prescription(
                        ExerciseId.HEEL_RAISE, PlanContent.Role.EMPHASIS, 3, 12, 2, null, 3);

        assertThat(climb(start, 3))
                .containsExactly(
                        "3x12 hold 2 -", "4x12 hold 2 -", "4x15 hold 2 -", "4x15 hold 2 -");
        assertThat(load.stepUp(load.projected(start, 2))).isEmpty();
    }

    @Test
    void stepsDownTakeRepetitionsThenBandThenASet() {
        List<String> descent =
                walk(
                        band(ExerciseId.BAND_PLANTARFLEXION, 3, 15, 3, BandColour.GREEN),
                        6,
                        load::stepDown);

        assertThat(descent)
                .containsExactly(
                        "3x15 hold 3 GREEN",
                        "3x10 hold 3 GREEN",
                        "3x10 hold 3 RED",
                        "3x10 hold 3 YELLOW",
                        "2x10 hold 3 YELLOW",
                        "1x10 hold 3 YELLOW",
                        "1x10 hold 3 YELLOW");
        assertThat(load.stepDown(band(ExerciseId.BAND_PLANTARFLEXION, 1, 10, 3, BandColour.YELLOW)))
                .isEmpty();
    }

    @Test
    void repetitionsNeverGoBelowTheMinimumNorAboveTheMaximum() {
        Prescription towel =
                new Prescription(
                        ExerciseId.TOWEL_GRAB, PlanContent.Role.EMPHASIS, 3, 14, 3, null, 3);

        assertThat(load.stepUp(towel).orElseThrow().reps()).isEqualTo(15);
        Prescription low =
                new Prescription(
                        ExerciseId.TOWEL_GRAB, PlanContent.Role.EMPHASIS, 3, 9, 3, null, 3);
        assertThat(load.stepDown(low).orElseThrow().reps()).isEqualTo(8);
    }

    @Test
    void aProjectionIsTheSameAsSteppingUpThatManyTimes() {
        Prescription start = band(ExerciseId.BAND_DORSIFLEXION, 2, 10, 2, BandColour.RED);

        assertThat(load.projected(start, 0)).isEqualTo(start);
        assertThat(load.projected(start, 2))
                .isEqualTo(load.stepUp(load.stepUp(start).orElseThrow()).orElseThrow());
    }

    private List<String> climb(Prescription start, int steps) {
        return walk(start, steps, load::stepUp);
    }

    private static List<String> walk(
            Prescription start, int steps, Function<Prescription, Optional<Prescription>> step) {
        List<String> seen = new ArrayList<>();
        Prescription current = start;
        seen.add(describe(current));
        for (int i = 0; i < steps; i++) {
            current = step.apply(current).orElse(current);
            seen.add(describe(current));
        }
        return seen;
    }

    private static String describe(Prescription p) {
        return p.sets()
                + "x"
                + p.reps()
                + " hold "
                + p.holdSeconds()
                + " "
                + (p.bandColour() == null ? "-" : p.bandColour().name());
    }
}
