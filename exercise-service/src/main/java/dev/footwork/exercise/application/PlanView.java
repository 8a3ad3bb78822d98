package dev.footwork.exercise.application;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan as a patient's app or a clinician reads it: per foot, each exercise with its dosage, the
 * days to do it, the instructions for that foot and the dosage planned for each later phase.
 *
 * @param supersededByPlanId the newer plan that replaced this one, if any
 */
public record PlanView(
        UUID id,
        String clinicId,
        String patientRef,
        UUID assessmentId,
        int revision,
        String status,
        String rulesVersion,
        String catalogueVersion,
        Instant issuedAt,
        Instant updatedAt,
        UUID supersedesPlanId,
        UUID supersededByPlanId,
        LocalDate startsOn,
        int weeks,
        int currentPhase,
        List<PhaseView> phases,
        List<FootView> feet,
        List<LocalDate> reassessmentDates) {

    /** A phase with its calendar dates and aim. */
    public record PhaseView(
            int number,
            String name,
            int fromWeek,
            int toWeek,
            LocalDate startsOn,
            LocalDate endsOn,
            String aim) {}

    /** One foot's part of the plan. */
    public record FootView(
            Side side,
            PostureLevel level,
            List<DayOfWeek> sessionDays,
            List<ExerciseView> exercises) {}

    /**
     * One exercise for one foot.
     *
     * @param days the weekdays to do it on (the first {@code sessionsPerWeek} of the foot's days)
     * @param instructions the catalogue's steps, preceded for band exercises by this foot's band
     *     set-up
     * @param upcoming the dosage planned for each later phase if the patient keeps progressing
     */
    public record ExerciseView(
            ExerciseId exerciseId,
            String name,
            PlanContent.Role role,
            String purpose,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int sessionsPerWeek,
            List<DayOfWeek> days,
            String tempo,
            List<String> equipment,
            List<String> instructions,
            List<String> cautions,
            List<PhaseDosage> upcoming) {}

    /** Dosage planned for one phase. */
    public record PhaseDosage(
            int phase, int sets, int reps, int holdSeconds, BandColour bandColour) {}
}
