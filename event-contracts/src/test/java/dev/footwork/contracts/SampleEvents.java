package dev.footwork.contracts;

import dev.footwork.contracts.events.AdherenceDropped;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.FootClassified.FootResult;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.contracts.events.ReassessmentDue;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.FootPlan;
import dev.footwork.contracts.vocabulary.PlanContent.Phase;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import dev.footwork.contracts.vocabulary.PlanContent.Role;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One realistic payload per event type, all about the same patient: a right foot that is pronated
 * and a neutral left foot, classified, planned for and exercised. Fixed ids and times, so tests can
 * compare results exactly.
 */
public final class SampleEvents {
    public static final String CLINIC_ID = "clinic-7";
    public static final String PATIENT_REF = "p-4f2a9c";

    public static final UUID ASSESSMENT_ID =
            UUID.fromString("0b7d5a1e-3c2f-4e8a-9d61-2f4c7a9b1e30");
    public static final UUID PREVIOUS_ASSESSMENT_ID =
            UUID.fromString("5e2a9c41-7b3d-4f10-8a6e-c1d2e3f4a5b6");
    public static final UUID PLAN_ID = UUID.fromString("9a1c3e5f-2b4d-4c6e-8f10-a2b4c6d8e0f1");
    public static final UUID PREVIOUS_PLAN_ID =
            UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
    public static final UUID COMPLETION_ID =
            UUID.fromString("7f6e5d4c-3b2a-4190-8e7d-6c5b4a392817");

    public static final UUID ERASURE_ID = UUID.fromString("2d4f6a8c-1e3b-4d5f-9a7c-0b1d3f5a7c9e");
    public static final Instant ERASED_AT = Instant.parse("2025-06-30T10:00:00Z");

    public static final Instant ASSESSED_AT = Instant.parse("2025-03-03T09:15:00Z");
    public static final LocalDate PLAN_STARTS_ON = LocalDate.of(2025, 3, 4);

    private SampleEvents() {}

    /** The sample payload of the given event type. */
    public static PatientEvent of(EventType type) {
        return switch (type) {
            case MEASUREMENTS_SUBMITTED -> measurementsSubmitted();
            case FOOT_CLASSIFIED -> footClassified();
            case PLAN_ISSUED -> planIssued();
            case PLAN_REVISED -> planRevised();
            case COMPLETION_SUBMITTED -> completionSubmitted();
            case EXERCISE_COMPLETED -> exerciseCompleted();
            case PHASE_COMPLETED -> phaseCompleted();
            case ADHERENCE_DROPPED -> adherenceDropped();
            case PAIN_RULE_BROKEN -> painRuleBroken();
            case REASSESSMENT_DUE -> reassessmentDue();
            case PATIENT_ERASED -> new PatientErased(ERASURE_ID, CLINIC_ID, PATIENT_REF, ERASED_AT);
            case EXERCISE_DATA_ERASED ->
                    new ExerciseDataErased(
                            ERASURE_ID, CLINIC_ID, PATIENT_REF, ERASED_AT.plusSeconds(1));
            case PROGRESS_DATA_ERASED ->
                    new ProgressDataErased(
                            ERASURE_ID, CLINIC_ID, PATIENT_REF, ERASED_AT.plusSeconds(2));
        };
    }

    public static MeasurementsSubmitted measurementsSubmitted() {
        return new MeasurementsSubmitted(
                CLINIC_ID,
                PATIENT_REF,
                ASSESSED_AT,
                "assessor-12",
                List.of(
                        new FootMeasurements(
                                Side.LEFT,
                                List.of(1, 0, 1, 0, 1, 0),
                                null,
                                new BigDecimal("6.5"),
                                new BigDecimal("3.0"),
                                null,
                                new BigDecimal("0.34")),
                        new FootMeasurements(
                                Side.RIGHT,
                                List.of(2, 1, 1, 2, 1, 1),
                                null,
                                new BigDecimal("11.5"),
                                new BigDecimal("7.5"),
                                new BigDecimal("13.2"),
                                null)));
    }

    public static FootClassified footClassified() {
        return new FootClassified(
                ASSESSMENT_ID,
                CLINIC_ID,
                PATIENT_REF,
                ASSESSED_AT,
                "2025.1",
                PREVIOUS_ASSESSMENT_ID,
                true,
                List.of(
                        footResult(Side.LEFT, PostureLevel.NEUTRAL, 0.9, 3),
                        footResult(Side.RIGHT, PostureLevel.PRONATED, 0.85, 8)));
    }

    /** A foot result whose posture, severity and alignment follow from the level, as they must. */
    public static FootResult footResult(Side side, PostureLevel level, double confidence, int fpi) {
        return new FootResult(
                side,
                level,
                level.posture(),
                level.severity(),
                level.alignment(),
                confidence,
                fpi,
                List.of("fpi6"));
    }

    public static PlanContent planContent(PlanStatus status, int currentPhase) {
        return new PlanContent(
                status,
                PLAN_STARTS_ON,
                8,
                currentPhase,
                List.of(
                        new Phase(1, "foundation", 1, 2),
                        new Phase(2, "build", 3, 5),
                        new Phase(3, "load", 6, 8)),
                List.of(
                        new FootPlan(
                                Side.LEFT,
                                PostureLevel.NEUTRAL,
                                List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY),
                                List.of(
                                        new Prescription(
                                                ExerciseId.TOWEL_GRAB,
                                                Role.MAINTENANCE,
                                                2,
                                                10,
                                                3,
                                                null,
                                                2),
                                        new Prescription(
                                                ExerciseId.HEEL_RAISE,
                                                Role.MAINTENANCE,
                                                2,
                                                12,
                                                2,
                                                null,
                                                2))),
                        new FootPlan(
                                Side.RIGHT,
                                PostureLevel.PRONATED,
                                List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                                List.of(
                                        new Prescription(
                                                ExerciseId.BAND_INVERSION,
                                                Role.EMPHASIS,
                                                3,
                                                12,
                                                3,
                                                BandColour.RED,
                                                3),
                                        new Prescription(
                                                ExerciseId.TOWEL_GRAB,
                                                Role.EMPHASIS,
                                                3,
                                                10,
                                                3,
                                                null,
                                                3),
                                        new Prescription(
                                                ExerciseId.HEEL_RAISE,
                                                Role.EMPHASIS,
                                                3,
                                                15,
                                                2,
                                                null,
                                                3),
                                        new Prescription(
                                                ExerciseId.BAND_DORSIFLEXION,
                                                Role.SUPPORTING,
                                                2,
                                                12,
                                                2,
                                                BandColour.YELLOW,
                                                3)))),
                List.of(LocalDate.of(2025, 4, 8), LocalDate.of(2025, 5, 27)));
    }

    public static PlanIssued planIssued() {
        return new PlanIssued(
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                ASSESSMENT_ID,
                1,
                Instant.parse("2025-03-03T09:15:02.481Z"),
                PREVIOUS_PLAN_ID,
                planContent(PlanStatus.ACTIVE, 1));
    }

    public static PlanRevised planRevised() {
        return new PlanRevised(
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                2,
                Instant.parse("2025-03-17T06:00:01Z"),
                PlanRevised.Reason.PHASE_ADVANCED,
                planContent(PlanStatus.ACTIVE, 2));
    }

    public static CompletionSubmitted completionSubmitted() {
        return new CompletionSubmitted(
                COMPLETION_ID,
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                ExerciseId.HEEL_RAISE,
                Side.LEFT,
                3,
                15,
                0,
                null,
                1,
                Instant.parse("2025-03-05T18:30:00Z"));
    }

    public static ExerciseCompleted exerciseCompleted() {
        return new ExerciseCompleted(
                COMPLETION_ID,
                PLAN_ID,
                1,
                CLINIC_ID,
                PATIENT_REF,
                ExerciseId.BAND_INVERSION,
                Side.RIGHT,
                3,
                12,
                3,
                BandColour.RED,
                2,
                Instant.parse("2025-03-05T18:42:10Z"));
    }

    public static PhaseCompleted phaseCompleted() {
        return new PhaseCompleted(
                PLAN_ID, CLINIC_ID, PATIENT_REF, 1, 91.7, 3, Instant.parse("2025-03-17T06:00:00Z"));
    }

    public static AdherenceDropped adherenceDropped() {
        return new AdherenceDropped(
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                7,
                42.9,
                60.0,
                Instant.parse("2025-03-24T06:00:00Z"));
    }

    public static PainRuleBroken painRuleBroken() {
        return new PainRuleBroken(
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                PainRuleBroken.Rule.ABOVE_THRESHOLD,
                6.5,
                4,
                Instant.parse("2025-03-26T19:03:44Z"));
    }

    public static ReassessmentDue reassessmentDue() {
        return new ReassessmentDue(
                PLAN_ID,
                CLINIC_ID,
                PATIENT_REF,
                LocalDate.of(2025, 4, 8),
                Instant.parse("2025-04-08T06:00:00Z"));
    }
}
