package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.time.Instant;
import java.util.UUID;

/**
 * One session of one exercise on one foot that a clinic platform logged outside the patient app,
 * for exercise-service to check against the plan and log as its REST API would. Once logged, it is
 * an {@link ExerciseCompleted}.
 *
 * @param completionId the platform's id for the session, or null; the same id is the same
 *     completion, whichever way it arrives
 * @param pain pain during the exercise, 0..10
 * @param bandColour the band used, null for exercises without a band
 */
public record CompletionSubmitted(
        UUID completionId,
        UUID planId,
        String clinicId,
        String patientRef,
        ExerciseId exerciseId,
        Side side,
        int sets,
        int reps,
        int holdSeconds,
        BandColour bandColour,
        int pain,
        Instant completedAt)
        implements PatientEvent {}
