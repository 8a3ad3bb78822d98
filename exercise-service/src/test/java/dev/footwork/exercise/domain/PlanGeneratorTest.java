package dev.footwork.exercise.domain;

import static dev.footwork.exercise.domain.PlanFixtures.START;
import static dev.footwork.exercise.domain.PlanFixtures.all;
import static dev.footwork.exercise.domain.PlanFixtures.classified;
import static dev.footwork.exercise.domain.PlanFixtures.foot;
import static dev.footwork.exercise.domain.PlanFixtures.prescription;
import static dev.footwork.exercise.domain.PlanFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlanGeneratorTest {

    private final PlanGenerator generator = new PlanGenerator(shippedRules());

    @Test
    void aPronatedFootWorksInversionTowelAndHeelRaiseAndLeavesOutEversion() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.PRONATED), START));

        assertThat(exercises(foot, PlanContent.Role.EMPHASIS))
                .containsExactly(
                        ExerciseId.BAND_INVERSION, ExerciseId.TOWEL_GRAB, ExerciseId.HEEL_RAISE);
        assertThat(exercises(foot, PlanContent.Role.SUPPORTING))
                .containsExactly(ExerciseId.BAND_PLANTARFLEXION, ExerciseId.BAND_DORSIFLEXION);
        assertThat(all(foot)).doesNotContain(ExerciseId.BAND_EVERSION);
        assertThat(foot.prescriptions())
                .allSatisfy(p -> assertThat(p.sessionsPerWeek()).isEqualTo(3));
    }

    @Test
    void aSupinatedFootWorksEversionAndLeavesOutInversion() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.SUPINATED), START));

        assertThat(exercises(foot, PlanContent.Role.EMPHASIS))
                .containsExactly(
                        ExerciseId.BAND_EVERSION, ExerciseId.HEEL_RAISE, ExerciseId.TOWEL_GRAB);
        assertThat(all(foot)).doesNotContain(ExerciseId.BAND_INVERSION);
    }

    @Test
    void aNeutralFootGetsBalancedMaintenanceTwiceAWeek() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.NEUTRAL), START));

        assertThat(exercises(foot, PlanContent.Role.MAINTENANCE))
                .containsExactlyInAnyOrder(
                        ExerciseId.TOWEL_GRAB,
                        ExerciseId.HEEL_RAISE,
                        ExerciseId.BAND_INVERSION,
                        ExerciseId.BAND_EVERSION);
        assertThat(foot.prescriptions())
                .allSatisfy(p -> assertThat(p.sessionsPerWeek()).isEqualTo(2));
    }

    @Test
    void aHighlyPronatedFootStartsMoreConservatively() {
        PlanContent.Prescription mild =
                prescription(
                        only(generator.generate(classifiedAs(PostureLevel.PRONATED), START)),
                        ExerciseId.BAND_INVERSION);
        PlanContent.Prescription marked =
                prescription(
                        only(generator.generate(classifiedAs(PostureLevel.HIGHLY_PRONATED), START)),
                        ExerciseId.BAND_INVERSION);

        assertThat(marked.sets()).isLessThan(mild.sets());
        assertThat(marked.bandColour()).isEqualTo(BandColour.YELLOW);
        assertThat(mild.bandColour()).isEqualTo(BandColour.RED);
    }

    @Test
    void onlyBandExercisesNameABand() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.PRONATED), START));

        assertThat(foot.prescriptions())
                .allSatisfy(
                        p ->
                                assertThat(p.bandColour() != null)
                                        .isEqualTo(p.exerciseId().usesBand()));
    }

    @Test
    void feetWithDifferentPosturesGetDifferentPlans() {
        PlanContent plan =
                generator.generate(
                        classified(
                                foot(Side.RIGHT, PostureLevel.SUPINATED),
                                foot(Side.LEFT, PostureLevel.PRONATED)),
                        START);

        assertThat(plan.feet())
                .extracting(PlanContent.FootPlan::side)
                .containsExactly(Side.LEFT, Side.RIGHT);
        assertThat(all(plan.feet().get(0)))
                .contains(ExerciseId.BAND_INVERSION)
                .doesNotContain(ExerciseId.BAND_EVERSION);
        assertThat(all(plan.feet().get(1)))
                .contains(ExerciseId.BAND_EVERSION)
                .doesNotContain(ExerciseId.BAND_INVERSION);
    }

    @Test
    void theProgrammeRunsEightWeeksInThreePhasesWithReassessments() {
        PlanContent plan = generator.generate(classifiedAs(PostureLevel.NEUTRAL), START);

        assertThat(plan.weeks()).isEqualTo(8);
        assertThat(plan.startsOn()).isEqualTo(START);
        assertThat(plan.currentPhase()).isEqualTo(1);
        assertThat(plan.phases())
                .extracting(PlanContent.Phase::name)
                .containsExactly("Foundation", "Build", "Load");
        assertThat(plan.reassessmentDates())
                .containsExactly(START.plusWeeks(5), START.plusWeeks(10));
    }

    @Test
    void theSameClassificationAlwaysGivesTheSamePlan() {
        Classification c =
                classified(
                        foot(Side.LEFT, PostureLevel.SUPINATED),
                        foot(Side.RIGHT, PostureLevel.NEUTRAL));
        assertThat(generator.generate(c, START)).isEqualTo(generator.generate(c, START));
    }

    private static Classification classifiedAs(PostureLevel level) {
        return classified(foot(Side.LEFT, level));
    }

    private static PlanContent.FootPlan only(PlanContent plan) {
        assertThat(plan.feet()).hasSize(1);
        return plan.feet().get(0);
    }

    private static List<ExerciseId> exercises(PlanContent.FootPlan foot, PlanContent.Role role) {
        return foot.prescriptions().stream()
                .filter(p -> p.role() == role)
                .map(PlanContent.Prescription::exerciseId)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(PostureLevel.class)
    void everyPostureLevelGetsItsEmphasisScheduleAndStart(PostureLevel level) {
        PlanContent.FootPlan foot = only(generator.generate(classifiedAs(level), START));
        boolean marked = level.severity() == PostureLevel.Severity.MARKED;

        switch (level.posture()) {
            case PRONATED -> {
                assertThat(exercises(foot, PlanContent.Role.EMPHASIS))
                        .startsWith(ExerciseId.BAND_INVERSION);
                assertThat(all(foot)).doesNotContain(ExerciseId.BAND_EVERSION);
            }
            case SUPINATED -> {
                assertThat(exercises(foot, PlanContent.Role.EMPHASIS))
                        .startsWith(ExerciseId.BAND_EVERSION);
                assertThat(all(foot)).doesNotContain(ExerciseId.BAND_INVERSION);
            }
            case NEUTRAL -> assertThat(exercises(foot, PlanContent.Role.EMPHASIS)).isEmpty();
        }
        int sessions = level.posture() == PostureLevel.Posture.NEUTRAL ? 2 : 3;
        assertThat(foot.sessionDays()).hasSize(sessions);
        assertThat(foot.prescriptions())
                .allSatisfy(p -> assertThat(p.sessionsPerWeek()).isEqualTo(sessions));
        assertThat(foot.prescriptions())
                .filteredOn(p -> p.bandColour() != null)
                .allSatisfy(
                        p ->
                                assertThat(p.bandColour() == BandColour.YELLOW)
                                        .as(p.exerciseId().id() + " band")
                                        .isEqualTo(
                                                marked
                                                        || p.role()
                                                                == PlanContent.Role.MAINTENANCE));
    }

    @Test
    void heelRaiseHoldsOneToTwoSecondsAtTheTopWhileOtherEmphasisHoldsThree() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.PRONATED), START));

        PlanContent.Prescription heelRaise = prescription(foot, ExerciseId.HEEL_RAISE);
        assertThat(List.of(heelRaise.sets(), heelRaise.reps(), heelRaise.holdSeconds()))
                .containsExactly(3, 12, 2);
        PlanContent.Prescription inversion = prescription(foot, ExerciseId.BAND_INVERSION);
        assertThat(List.of(inversion.sets(), inversion.reps(), inversion.holdSeconds()))
                .containsExactly(3, 10, 3);
        assertThat(inversion.bandColour()).isEqualTo(BandColour.RED);
    }

    @Test
    void pronatedAndSupinatedFeetTrainMondayWednesdayFriday() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.SUPINATED), START));

        assertThat(foot.sessionDays())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void aNeutralFootAloneTrainsTuesdayAndFriday() {
        PlanContent.FootPlan foot =
                only(generator.generate(classifiedAs(PostureLevel.NEUTRAL), START));

        assertThat(foot.sessionDays()).containsExactly(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void aNeutralFootBesideAPronatedOneTrainsOnThatFootsFirstDays() {
        PlanContent plan =
                generator.generate(
                        classified(
                                foot(Side.LEFT, PostureLevel.NEUTRAL),
                                foot(Side.RIGHT, PostureLevel.HIGHLY_PRONATED)),
                        START);

        assertThat(plan.feet().get(0).sessionDays())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(plan.feet().get(1).sessionDays())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(prescription(plan.feet().get(1), ExerciseId.BAND_INVERSION).sets())
                .as("highly pronated foot starts with one set fewer")
                .isEqualTo(2);
        assertThat(prescription(plan.feet().get(0), ExerciseId.BAND_INVERSION).sets()).isEqualTo(2);
        assertThat(prescription(plan.feet().get(0), ExerciseId.BAND_INVERSION).role())
                .isEqualTo(PlanContent.Role.MAINTENANCE);
    }
}
