package dev.footwork.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A planned re-assessment date has been reached. */
public record ReassessmentDue(
        UUID planId, String clinicId, String patientRef, LocalDate dueOn, Instant detectedAt)
        implements PatientEvent {}
