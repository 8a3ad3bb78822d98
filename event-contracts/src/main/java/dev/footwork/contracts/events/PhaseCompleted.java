package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A phase ended with enough adherence and the pain rule kept: the plan may advance. */
public record PhaseCompleted(
        UUID planId,
        String clinicId,
        String patientRef,
        int phase,
        double adherencePercent,
        int maxPain,
        Instant detectedAt)
        implements PatientEvent {}
