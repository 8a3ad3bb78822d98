package dev.footwork.contracts.vocabulary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What a plan prescribes, shared by {@link PlanIssued} and {@link PlanRevised}.
 *
 * @param startsOn the first day of week 1
 * @param weeks programme length in weeks
 * @param currentPhase number of the phase the patient is in, from 1
 */
public record PlanContent(
        PlanStatus status,
        LocalDate startsOn,
        int weeks,
        int currentPhase,
        List<Phase> phases,
        List<FootPlan> feet,
        List<LocalDate> reassessmentDates) {

    /** Whether the patient should be doing the plan. */
    public enum PlanStatus {
        ACTIVE,
        PAUSED,
        SUPERSEDED
    }

    /** A block of weeks with its own aim, e.g. foundation weeks 1-2. */
    public record Phase(int number, String name, int fromWeek, int toWeek) {}

    /**
     * What one foot does, derived from that foot's posture.
     *
     * @param sessionDays the weekdays of the weekly schedule, Monday first
     */
    public record FootPlan(
            Side side,
            PostureLevel level,
            List<DayOfWeek> sessionDays,
            List<Prescription> prescriptions) {}

    /**
     * One exercise for one foot.
     *
     * @param bandColour the band to use, null for exercises without a band
     * @param sessionsPerWeek how many sessions a week include this exercise
     */
    public record Prescription(
            ExerciseId exerciseId,
            Role role,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int sessionsPerWeek) {}

    /** Why an exercise is in the plan. */
    public enum Role {
        EMPHASIS,
        SUPPORTING,
        MAINTENANCE
    }
}
