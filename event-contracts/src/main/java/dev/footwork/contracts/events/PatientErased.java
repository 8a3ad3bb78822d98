package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinic's admin had a patient erased: every service deletes what it holds about the patient,
 * including its outbox history, and confirms.
 *
 * @param erasureId the request, as its status endpoint names it
 */
public record PatientErased(UUID erasureId, String clinicId, String patientRef, Instant requestedAt)
        implements PatientEvent {}
