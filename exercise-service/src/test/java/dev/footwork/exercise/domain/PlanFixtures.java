package dev.footwork.exercise.domain;

import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.config.RuleFiles;
import java.time.LocalDate;
import java.util.List;

/** The shipped rule file and small builders shared by the domain tests. */
final class PlanFixtures {

    static final LocalDate START = LocalDate.of(2026, 11, 23);

    private PlanFixtures() {}

    static PlanRules shippedRules() {
        return RuleFiles.read(
                "classpath:rules/plan-rules.json", PlanRules.class, EventJson.newMapper());
    }

    static Classification classified(Classification.Foot... feet) {
        return new Classification(List.of(feet));
    }

    static Classification.Foot foot(Side side, PostureLevel level) {
        return new Classification.Foot(side, level);
    }

    static PlanContent.Prescription band(
            ExerciseId exercise, int sets, int reps, int hold, BandColour colour) {
        return new PlanContent.Prescription(
                exercise, PlanContent.Role.EMPHASIS, sets, reps, hold, colour, 3);
    }

    static PlanContent.Prescription prescription(PlanContent.FootPlan foot, ExerciseId id) {
        return foot.prescriptions().stream()
                .filter(p -> p.exerciseId() == id)
                .findFirst()
                .orElseThrow();
    }

    static List<ExerciseId> all(PlanContent.FootPlan foot) {
        return foot.prescriptions().stream().map(PlanContent.Prescription::exerciseId).toList();
    }
}
