package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers plans are generated and progressed from, loaded from a versioned resource file with
 * its sources. Checked when loaded, so that a broken rule file stops the service at start.
 *
 * @param weeks programme length
 * @param phases consecutive blocks of weeks covering the whole programme
 * @param reassessmentWeeks weeks after the start at which to re-assess
 * @param schedules the weekdays to train on, by number of sessions a week
 * @param postures which exercises each posture gets, in which role
 * @param dosage starting sets, reps and hold per exercise and role
 * @param startBand band colour for a normal start, per role
 * @param conservativeStart how highly pronated or supinated feet start lighter
 * @param progression the bounds within which one step of load is added or taken away
 */
public record PlanRules(
        String version,
        int weeks,
        List<PhaseRule> phases,
        List<Integer> reassessmentWeeks,
        Map<Integer, List<DayOfWeek>> schedules,
        Map<PostureLevel.Posture, PostureRule> postures,
        Map<ExerciseId, Map<PlanContent.Role, Dosage>> dosage,
        Map<PlanContent.Role, BandColour> startBand,
        ConservativeStart conservativeStart,
        Map<ExerciseId, Limits> progression,
        List<String> sources) {

    /** A phase of the programme and what it is for. */
    public record PhaseRule(int number, String name, int fromWeek, int toWeek, String aim) {

        public PlanContent.Phase toPhase() {
            return new PlanContent.Phase(number, name, fromWeek, toWeek);
        }
    }

    /** Exercises for one posture, by role, and how often. */
    public record PostureRule(
            int sessionsPerWeek,
            List<ExerciseId> emphasis,
            List<ExerciseId> supporting,
            List<ExerciseId> maintenance) {

        List<ExerciseId> in(PlanContent.Role role) {
            return switch (role) {
                case EMPHASIS -> emphasis;
                case SUPPORTING -> supporting;
                case MAINTENANCE -> maintenance;
            };
        }
    }

    /** Sets, repetitions and seconds held at the end of each repetition. */
    public record Dosage(int sets, int reps, int holdSeconds) {}

    /** A highly pronated or supinated foot starts with fewer sets and a lighter band. */
    public record ConservativeStart(int fewerSets, BandColour band) {}

    /**
     * Bounds of one exercise's load. A step up adds a set, then repetitions, then a heavier band,
     * then hold time; a step down takes away repetitions, then band weight, then a set.
     */
    public record Limits(
            int minSets, int maxSets, int minReps, int maxReps, int repsStep, int maxHoldSeconds) {}

    public PlanRules {
        require(version != null && !version.isBlank(), "the rules need a version");
        require(weeks >= 1 && weeks <= 52, "weeks must be 1..52");
        checkPhases(phases, weeks);
        require(reassessmentWeeks != null && !reassessmentWeeks.isEmpty(), "no re-assessment");
        require(
                postures != null
                        && postures.keySet().equals(EnumSet.allOf(PostureLevel.Posture.class)),
                "every posture needs a rule");
        for (var entry : postures.entrySet()) {
            PostureRule rule = entry.getValue();
            List<DayOfWeek> days = schedules.get(rule.sessionsPerWeek());
            require(
                    days != null && days.size() == rule.sessionsPerWeek(),
                    "no schedule of " + rule.sessionsPerWeek() + " days for " + entry.getKey());
            require(
                    new HashSet<>(days).size() == days.size(),
                    "a schedule names a day twice: " + days);
            Set<ExerciseId> seen = EnumSet.noneOf(ExerciseId.class);
            for (PlanContent.Role role : PlanContent.Role.values()) {
                for (ExerciseId exercise : rule.in(role)) {
                    require(seen.add(exercise), exercise.id() + " twice in " + entry.getKey());
                    require(
                            dosage.containsKey(exercise) && dosage.get(exercise).containsKey(role),
                            "no " + role + " dosage for " + exercise.id());
                }
            }
            require(!seen.isEmpty(), "no exercises for " + entry.getKey());
        }
        require(
                progression != null && progression.keySet().equals(EnumSet.allOf(ExerciseId.class)),
                "every exercise needs progression limits");
        progression.forEach(PlanRules::checkLimits);
        require(
                startBand != null
                        && startBand.keySet().equals(EnumSet.allOf(PlanContent.Role.class)),
                "every role needs a start band");
        require(
                conservativeStart != null && conservativeStart.fewerSets() >= 0,
                "conservativeStart.fewerSets must be 0 or more");
        phases = List.copyOf(phases);
        reassessmentWeeks = List.copyOf(reassessmentWeeks);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public PostureRule postureRule(PostureLevel level) {
        return postures.get(level.posture());
    }

    public Limits limits(ExerciseId exercise) {
        return progression.get(exercise);
    }

    public List<PlanContent.Phase> contractPhases() {
        return phases.stream().map(PhaseRule::toPhase).toList();
    }

    private static void checkPhases(List<PhaseRule> phases, int weeks) {
        require(phases != null && !phases.isEmpty(), "the programme needs phases");
        int nextWeek = 1;
        for (int i = 0; i < phases.size(); i++) {
            PhaseRule phase = phases.get(i);
            require(phase.number() == i + 1, "phases must be numbered 1, 2, ...");
            require(
                    phase.fromWeek() == nextWeek && phase.toWeek() >= phase.fromWeek(),
                    "phase " + phase.number() + " must start in week " + nextWeek);
            nextWeek = phase.toWeek() + 1;
        }
        require(nextWeek == weeks + 1, "the phases must cover exactly " + weeks + " weeks");
    }

    private static void checkLimits(ExerciseId exercise, Limits l) {
        require(
                l.minSets() >= 1 && l.minSets() <= l.maxSets() && l.maxSets() <= 10,
                exercise.id() + ": sets limits must satisfy 1 <= minSets <= maxSets <= 10");
        require(
                l.minReps() >= 1 && l.minReps() <= l.maxReps() && l.maxReps() <= 100,
                exercise.id() + ": reps limits must satisfy 1 <= minReps <= maxReps <= 100");
        require(l.repsStep() >= 1, exercise.id() + ": repsStep must be at least 1");
        require(
                l.maxHoldSeconds() >= 0 && l.maxHoldSeconds() <= 120,
                exercise.id() + ": maxHoldSeconds must be 0..120");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("plan rules: " + message);
        }
    }
}
