package dev.footwork.demo;

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
 * The services' answers, as far as the demo reads them; the mapper ignores the other fields. The
 * order of the components is the order in which the demo prints those it prints whole.
 */
final class Answers {
    private Answers() {}

    /** assessment-service's assessment. */
    record Assessment(UUID id, String ruleSetVersion, List<AssessedFoot> feet) {}

    record AssessedFoot(
            Side side,
            Integer fpiTotal,
            PostureLevel level,
            PostureLevel.Posture posture,
            PostureLevel.Severity severity,
            PostureLevel.Alignment alignment,
            double confidence,
            List<String> explanation) {}

    /** exercise-service's plan, also its answer to an adjustment. */
    record Plan(
            UUID id,
            UUID assessmentId,
            int revision,
            String status,
            LocalDate startsOn,
            int weeks,
            List<Phase> phases,
            List<FootPlan> feet) {}

    record Phase(
            int number,
            String name,
            int fromWeek,
            int toWeek,
            LocalDate startsOn,
            LocalDate endsOn,
            String aim) {}

    record FootPlan(
            Side side,
            PostureLevel level,
            List<DayOfWeek> sessionDays,
            List<Prescription> exercises) {}

    /**
     * @param instructions for a band exercise, the first is this foot's band set-up
     */
    record Prescription(
            ExerciseId exerciseId,
            PlanContent.Role role,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int sessionsPerWeek,
            List<String> instructions) {}

    /** exercise-service's stored completion. */
    record Completion(
            UUID id,
            ExerciseId exerciseId,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int pain) {}

    /** progress-service's summary: the demo prints each component after the plan id. */
    record Progress(
            UUID planId,
            String planStatus,
            int currentWeek,
            String phaseName,
            int completedSessions,
            int prescribedSessionsToDate,
            Double adherencePercent,
            Double adherenceLast7DaysPercent,
            long totalReps,
            long volume,
            Double meanPain,
            int maxPain,
            String painTrend,
            List<String> flags,
            int riskScore,
            Instant lastActivityAt) {}

    /** One page of progress-service's clinic worklist. */
    record Worklist(long totalItems, List<WorklistItem> items) {}

    record WorklistItem(
            String patientRef,
            int riskScore,
            List<String> flags,
            Double adherenceLast7DaysPercent) {}

    /** An application/problem+json answer. */
    record Problem(String title, String detail, List<Violation> violations) {
        Problem {
            violations = violations == null ? List.of() : violations;
        }
    }

    record Violation(String field, String message) {}
}
