package dev.footwork.exercise.domain;

import static dev.footwork.exercise.domain.PlanFixtures.START;
import static dev.footwork.exercise.domain.PlanFixtures.all;
import static dev.footwork.exercise.domain.PlanFixtures.classified;
import static dev.footwork.exercise.domain.PlanFixtures.foot;
import static dev.footwork.exercise.domain.PlanFixtures.prescription;
import static dev.footwork.exercise.domain.PlanFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Inapplicable;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRevisionsTest {

    private final PlanGenerator generator = new PlanGenerator(shippedRules());
    private final PlanRevisions revisions = new PlanRevisions(generator);

    /** Left foot pronated, right foot neutral. */
    private final PlanContent plan =
            generator.generate(
                    classified(
                            foot(Side.LEFT, PostureLevel.PRONATED),
                            foot(Side.RIGHT, PostureLevel.NEUTRAL)),
                    START);

    @Test
    void aCompletedPhaseMovesThePlanOnAndEveryExerciseOneStepUp() {
        PlanContent advanced = revisions.advance(plan, 1).orElseThrow();

        assertThat(advanced.currentPhase()).isEqualTo(2);
        PlanContent.Prescription inversion =
                prescription(advanced.feet().get(0), ExerciseId.BAND_INVERSION);
        assertThat(List.of(inversion.sets(), inversion.reps())).containsExactly(3, 15);
        assertThat(inversion.bandColour()).isEqualTo(BandColour.RED);
        PlanContent.Prescription heelRaise =
                prescription(advanced.feet().get(0), ExerciseId.HEEL_RAISE);
        assertThat(heelRaise.sets()).isEqualTo(4);
        PlanContent.Prescription neutralTowel =
                prescription(advanced.feet().get(1), ExerciseId.TOWEL_GRAB);
        assertThat(neutralTowel.sets()).isEqualTo(3);
        for (int foot = 0; foot < 2; foot++) {
            for (PlanContent.Prescription before : plan.feet().get(foot).prescriptions()) {
                assertThat(prescription(advanced.feet().get(foot), before.exerciseId()))
                        .isEqualTo(revisions.load().stepUp(before).orElse(before));
            }
        }
    }

    @Test
    void aReportAboutAPhaseAlreadyPassedOrTheLastPhaseChangesNothing() {
        PlanContent inPhaseTwo = revisions.advance(plan, 1).orElseThrow();

        assertThat(revisions.advance(inPhaseTwo, 1)).as("phase 1 again").isEmpty();
        assertThat(revisions.advance(inPhaseTwo, 3)).as("last phase").isEmpty();
    }

    @Test
    void aLaterPhaseCompletedWhileBehindCatchesUpOneStepOfLoad() {
        PlanContent advanced = revisions.advance(plan, 2).orElseThrow();

        assertThat(advanced.currentPhase()).isEqualTo(3);
        assertThat(prescription(advanced.feet().get(0), ExerciseId.TOWEL_GRAB))
                .isEqualTo(
                        revisions
                                .load()
                                .projected(
                                        prescription(plan.feet().get(0), ExerciseId.TOWEL_GRAB),
                                        1));
    }

    @Test
    void aBrokenPainRuleTakesOneStepOffEveryExercise() {
        PlanContent reduced = revisions.reduce(plan).orElseThrow();

        assertThat(reduced.currentPhase()).isEqualTo(plan.currentPhase());
        PlanContent.Prescription inversion =
                prescription(reduced.feet().get(0), ExerciseId.BAND_INVERSION);
        assertThat(inversion.bandColour()).as("3x10 red -> yellow").isEqualTo(BandColour.YELLOW);
        PlanContent.Prescription towel = prescription(reduced.feet().get(0), ExerciseId.TOWEL_GRAB);
        assertThat(towel.reps()).as("12 - 3").isEqualTo(9);
    }

    @Test
    void atTheLightestLoadAStepBackChangesNothing() {
        PlanContent floor = plan;
        for (int i = 0; i < 20; i++) {
            floor = revisions.reduce(floor).orElse(floor);
        }

        assertThat(revisions.reduce(floor)).isEmpty();
        assertThat(prescription(floor.feet().get(0), ExerciseId.BAND_INVERSION).sets())
                .isEqualTo(1);
    }

    @Test
    void aPausedPlanNeitherProgressesNorRegressesAndResumesAsItWas() {
        PlanContent paused = revisions.pause(plan).orElseThrow();

        assertThat(paused.status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(revisions.pause(paused)).isEmpty();
        assertThat(revisions.advance(paused, 1)).isEmpty();
        assertThat(revisions.reduce(paused)).isEmpty();
        assertThat(revisions.resume(paused)).contains(plan);
        assertThat(revisions.resume(plan)).isEmpty();
    }

    @Test
    void aSupersededPlanNeitherProgressesNorRegresses() {
        PlanContent superseded = revisions.supersede(plan);

        assertThat(superseded.status()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThat(revisions.advance(plan, 1)).as("were it active").isPresent();
        assertThat(revisions.reduce(plan)).as("were it active").isPresent();
        assertThat(revisions.advance(superseded, 1)).isEmpty();
        assertThat(revisions.reduce(superseded)).isEmpty();
    }

    @Test
    void aClinicianChangesDosageRemovesAndAddsExercises() {
        PlanContent adjusted =
                revisions.adjust(
                        plan,
                        List.of(
                                new PlanAdjustment.ChangeDosage(
                                        Side.LEFT,
                                        ExerciseId.BAND_INVERSION,
                                        null,
                                        15,
                                        null,
                                        BandColour.GREEN,
                                        null),
                                new PlanAdjustment.Remove(Side.LEFT, ExerciseId.BAND_DORSIFLEXION),
                                new PlanAdjustment.Add(
                                        Side.RIGHT,
                                        ExerciseId.BAND_PLANTARFLEXION,
                                        PlanContent.Role.SUPPORTING,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)));

        PlanContent.Prescription inversion =
                prescription(adjusted.feet().get(0), ExerciseId.BAND_INVERSION);
        assertThat(List.of(inversion.sets(), inversion.reps(), inversion.holdSeconds()))
                .containsExactly(3, 15, 3);
        assertThat(inversion.bandColour()).isEqualTo(BandColour.GREEN);
        assertThat(all(adjusted.feet().get(0))).doesNotContain(ExerciseId.BAND_DORSIFLEXION);
        PlanContent.Prescription added =
                prescription(adjusted.feet().get(1), ExerciseId.BAND_PLANTARFLEXION);
        assertThat(added)
                .as("rule-set start for a supporting exercise, at the neutral foot's frequency")
                .isEqualTo(
                        new PlanContent.Prescription(
                                ExerciseId.BAND_PLANTARFLEXION,
                                PlanContent.Role.SUPPORTING,
                                2,
                                10,
                                2,
                                BandColour.RED,
                                2));
        assertThat(plan.feet().get(0).prescriptions()).as("the input is unchanged").hasSize(5);
    }

    @Test
    void aNewScheduleCapsExercisesThatWereDoneMoreOften() {
        PlanContent adjusted =
                revisions.adjust(
                        plan,
                        List.of(
                                new PlanAdjustment.SetSchedule(
                                        Side.LEFT, List.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY))));

        PlanContent.FootPlan left = adjusted.feet().get(0);
        assertThat(left.sessionDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(left.prescriptions())
                .allSatisfy(p -> assertThat(p.sessionsPerWeek()).isEqualTo(2));
    }

    @Test
    void changesThatDoNotFitThePlanNameTheChangeAndField() {
        assertInvalid(
                List.of(new PlanAdjustment.Remove(Side.RIGHT, ExerciseId.BAND_DORSIFLEXION)),
                0,
                "exerciseId");
        assertInvalid(
                List.of(
                        new PlanAdjustment.Remove(Side.LEFT, ExerciseId.TOWEL_GRAB),
                        new PlanAdjustment.Add(
                                Side.LEFT,
                                ExerciseId.HEEL_RAISE,
                                PlanContent.Role.EMPHASIS,
                                null,
                                null,
                                null,
                                null,
                                null)),
                1,
                "exerciseId");
        assertInvalid(
                List.of(
                        new PlanAdjustment.ChangeDosage(
                                Side.LEFT,
                                ExerciseId.TOWEL_GRAB,
                                null,
                                null,
                                null,
                                BandColour.RED,
                                null)),
                0,
                "bandColour");
        assertInvalid(
                List.of(
                        new PlanAdjustment.ChangeDosage(
                                Side.RIGHT, ExerciseId.TOWEL_GRAB, null, null, null, null, 3)),
                0,
                "sessionsPerWeek");
        assertInvalid(
                List.of(
                        new PlanAdjustment.SetSchedule(
                                Side.LEFT, List.of(DayOfWeek.MONDAY, DayOfWeek.MONDAY))),
                0,
                "days");
    }

    @Test
    void aPlanCannotLoseItsLastExercise() {
        PlanContent oneFoot =
                generator.generate(classified(foot(Side.LEFT, PostureLevel.NEUTRAL)), START);
        List<PlanAdjustment> removeAll =
                all(oneFoot.feet().get(0)).stream()
                        .map(id -> (PlanAdjustment) new PlanAdjustment.Remove(Side.LEFT, id))
                        .toList();

        assertInvalid(oneFoot, removeAll, removeAll.size() - 1, "exerciseId");
        assertInvalid(
                oneFoot,
                List.of(new PlanAdjustment.Remove(Side.RIGHT, ExerciseId.TOWEL_GRAB)),
                0,
                "side");
    }

    @Test
    void removingEveryExerciseOfOneFootDropsThatFoot() {
        List<PlanAdjustment> removeRight =
                all(plan.feet().get(1)).stream()
                        .map(id -> (PlanAdjustment) new PlanAdjustment.Remove(Side.RIGHT, id))
                        .toList();

        PlanContent adjusted = revisions.adjust(plan, removeRight);

        assertThat(adjusted.feet())
                .extracting(PlanContent.FootPlan::side)
                .containsExactly(Side.LEFT);
    }

    private void assertInvalid(List<PlanAdjustment> changes, int index, String field) {
        assertInvalid(plan, changes, index, field);
    }

    private void assertInvalid(
            PlanContent on, List<PlanAdjustment> changes, int index, String field) {
        assertThatThrownBy(() -> revisions.adjust(on, changes))
                .isInstanceOfSatisfying(
                        Inapplicable.class,
                        e -> {
                            assertThat(e.summary()).isEqualTo("Adjustment does not fit the plan");
                            assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("changes[" + index + "]." + field);
                        });
    }
}
