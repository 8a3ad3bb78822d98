package dev.footwork.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.events.BandColour;
import dev.footwork.contracts.events.ExerciseId;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.contracts.events.PostureLevel;
import dev.footwork.contracts.events.Side;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanGeneratorTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 23);
    private final PlanGenerator generator = new PlanGenerator(rules());

    @Test
    void aPronatedFootWorksInversionTowelAndHeelRaiseAndLeavesOutEversion() {
        PlanContent.FootPlan foot =
                only(generator.generate(classified(PostureLevel.PRONATED), START));

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
                only(generator.generate(classified(PostureLevel.SUPINATED), START));

        assertThat(exercises(foot, PlanContent.Role.EMPHASIS))
                .containsExactly(
                        ExerciseId.BAND_EVERSION, ExerciseId.HEEL_RAISE, ExerciseId.TOWEL_GRAB);
        assertThat(all(foot)).doesNotContain(ExerciseId.BAND_INVERSION);
    }

    @Test
    void aNeutralFootGetsBalancedMaintenanceTwiceAWeek() {
        PlanContent.FootPlan foot =
                only(generator.generate(classified(PostureLevel.NEUTRAL), START));

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
                        only(generator.generate(classified(PostureLevel.PRONATED), START)),
                        ExerciseId.BAND_INVERSION);
        PlanContent.Prescription marked =
                prescription(
                        only(generator.generate(classified(PostureLevel.HIGHLY_PRONATED), START)),
                        ExerciseId.BAND_INVERSION);

        assertThat(marked.sets()).isLessThan(mild.sets());
        assertThat(marked.bandColour()).isEqualTo(BandColour.YELLOW);
        assertThat(mild.bandColour()).isEqualTo(BandColour.RED);
    }

    @Test
    void onlyBandExercisesNameABand() {
        PlanContent.FootPlan foot =
                only(generator.generate(classified(PostureLevel.PRONATED), START));

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
        PlanContent plan = generator.generate(classified(PostureLevel.NEUTRAL), START);

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
        FootClassified c =
                classified(
                        foot(Side.LEFT, PostureLevel.SUPINATED),
                        foot(Side.RIGHT, PostureLevel.NEUTRAL));
        assertThat(generator.generate(c, START)).isEqualTo(generator.generate(c, START));
    }

    private static PlanRules rules() {
        ObjectMapper mapper = EventJson.newMapper();
        try (InputStream in =
                PlanGeneratorTest.class.getResourceAsStream("/rules/plan-rules.json")) {
            return mapper.readValue(in, PlanRules.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FootClassified classified(PostureLevel level) {
        return classified(foot(Side.LEFT, level));
    }

    private static FootClassified classified(FootClassified.FootResult... feet) {
        return new FootClassified(
                UUID.randomUUID(),
                "clinic-a",
                "p-1",
                Instant.parse("2026-11-20T09:00:00Z"),
                "t",
                null,
                false,
                List.of(feet));
    }

    private static FootClassified.FootResult foot(Side side, PostureLevel level) {
        return new FootClassified.FootResult(
                side,
                level,
                level.posture(),
                level.severity(),
                level.alignment(),
                0.9,
                0,
                List.of("fpi6"));
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

    private static List<ExerciseId> all(PlanContent.FootPlan foot) {
        return foot.prescriptions().stream().map(PlanContent.Prescription::exerciseId).toList();
    }

    private static PlanContent.Prescription prescription(PlanContent.FootPlan foot, ExerciseId id) {
        return foot.prescriptions().stream()
                .filter(p -> p.exerciseId() == id)
                .findFirst()
                .orElseThrow();
    }
}
