package dev.footwork.demo;

import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.time.Instant;
import java.util.List;

/** The request bodies the demo sends, in the services' field order; absent fields are left out. */
final class Requests {
    private Requests() {}

    /** {@code POST /api/v1/assessments}. */
    record NewAssessment(
            String patientRef, Instant assessedAt, String assessor, List<FootMeasurements> feet) {}

    /** {@code POST /api/v1/plans/{id}/completions}. */
    record NewCompletion(
            ExerciseId exerciseId,
            Side side,
            int sets,
            int reps,
            int holdSeconds,
            BandColour bandColour,
            int pain,
            Instant completedAt) {}

    /** {@code POST /api/v1/plans/{id}/adjustments}. */
    record NewAdjustment(List<Change> changes) {}

    /** One change of an adjustment; the demo only changes a dosage's repetitions. */
    record Change(String action, Side side, ExerciseId exerciseId, int reps) {}
}
