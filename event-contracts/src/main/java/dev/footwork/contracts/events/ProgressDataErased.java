package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** progress-service has deleted the patient's aggregates, completions and outbox history. */
public record ProgressDataErased(
        UUID erasureId, String clinicId, String patientRef, Instant erasedAt)
        implements DataErased {}
