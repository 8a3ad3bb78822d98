package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.time.Instant;
import java.util.UUID;

/**
 * One logged session of one exercise on one foot.
 *
 * @param completionId client-supplied or generated; the same id is the same completion
 * @param pain pain during the exercise, 0..10
 * @param bandColour the band used, null for exercises without a band
 */
public record ExerciseCompleted(
        UUID completionId,
        UUID planId,
        int planRevision,
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
