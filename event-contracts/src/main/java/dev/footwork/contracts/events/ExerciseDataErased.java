package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** exercise-service has deleted the patient's plans, completions and outbox history. */
public record ExerciseDataErased(
        UUID erasureId, String clinicId, String patientRef, Instant erasedAt)
        implements DataErased {}
