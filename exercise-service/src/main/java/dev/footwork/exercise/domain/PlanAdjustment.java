package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import java.time.DayOfWeek;
import java.util.List;

/** One change a clinician makes to one foot's part of a plan. */
public sealed interface PlanAdjustment {

    Side side();

    /**
     * New dosage for a prescribed exercise; null fields keep their current value.
     *
     * @param bandColour only for band exercises
     */
    record ChangeDosage(
            Side side,
            ExerciseId exerciseId,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            BandColour bandColour,
            Integer sessionsPerWeek)
            implements PlanAdjustment {}

    /** Takes an exercise out of one foot's plan. */
    record Remove(Side side, ExerciseId exerciseId) implements PlanAdjustment {}

    /**
     * Adds an exercise to one foot's plan; null dosage fields take the rule set's starting dosage
     * for that role and the foot's posture.
     */
    record Add(
            Side side,
            ExerciseId exerciseId,
            PlanContent.Role role,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            BandColour bandColour,
            Integer sessionsPerWeek)
            implements PlanAdjustment {}

    /** New training days for one foot; exercises done more often than that are capped. */
    record SetSchedule(Side side, List<DayOfWeek> days) implements PlanAdjustment {}
}
