package dev.footwork.exercise.application;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.persistence.Completion;
import java.time.Instant;
import java.util.UUID;

/** A stored completion as the API returns it. */
public record CompletionView(
        UUID id,
        UUID planId,
        int planRevision,
        String exerciseId,
        Side side,
        int sets,
        int reps,
        int holdSeconds,
        BandColour bandColour,
        int pain,
        Instant completedAt,
        Instant recordedAt) {

    static CompletionView of(Completion c) {
        return new CompletionView(
                c.id,
                c.planId,
                c.planRevision,
                c.exerciseId,
                c.side,
                c.sets,
                c.reps,
                c.holdSeconds,
                c.bandColour,
                c.pain,
                c.completedAt,
                c.recordedAt);
    }
}
