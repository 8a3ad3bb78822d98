package dev.footwork.exercise.domain;

import dev.footwork.contracts.events.BandColour;
import dev.footwork.contracts.events.ExerciseId;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.contracts.events.PostureLevel;
import java.util.List;
import java.util.Map;

/**
 * The numbers plans are generated from, loaded from a versioned resource file with its sources.
 *
 * @param weeks programme length
 * @param reassessmentWeeks weeks after the start at which to re-assess
 * @param postures which exercises each posture gets, in which role
 * @param dosage sets, reps and hold per role
 * @param startBand band colour for a normal start
 * @param conservativeBand band colour for highly pronated or supinated feet
 */
public record PlanRules(
        String version,
        int weeks,
        List<PlanContent.Phase> phases,
        List<Integer> reassessmentWeeks,
        Map<PostureLevel.Posture, PostureRule> postures,
        Map<PlanContent.Role, Dosage> dosage,
        BandColour startBand,
        BandColour conservativeBand,
        List<String> sources) {

    /** Exercises for one posture, by role, and how often. */
    public record PostureRule(
            int sessionsPerWeek,
            List<ExerciseId> emphasis,
            List<ExerciseId> supporting,
            List<ExerciseId> maintenance) {}

    /** One role's dosage; a conservative start uses one set fewer. */
    public record Dosage(int sets, int reps, int holdSeconds) {}
}
