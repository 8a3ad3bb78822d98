package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * Foot measurements a clinic platform publishes for assessment-service to classify. Carries no
 * names and no free text.
 */
public record MeasurementsSubmitted(
        String clinicId,
        String patientRef,
        Instant assessedAt,
        String assessor,
        List<FootMeasurements> feet)
        implements PatientEvent {}
