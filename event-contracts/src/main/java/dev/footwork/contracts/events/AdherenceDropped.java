package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Adherence over the last window fell below the configured threshold. */
public record AdherenceDropped(
        UUID planId,
        String clinicId,
        String patientRef,
        int windowDays,
        double adherencePercent,
        double thresholdPercent,
        Instant detectedAt)
        implements PatientEvent {}
