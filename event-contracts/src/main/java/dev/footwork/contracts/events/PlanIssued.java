package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.PlanContent;
import java.time.Instant;
import java.util.UUID;

/**
 * A new plan, generated from a classification.
 *
 * @param supersedesPlanId the plan this one replaces, or null
 */
public record PlanIssued(
        UUID planId,
        String clinicId,
        String patientRef,
        UUID assessmentId,
        int revision,
        Instant issuedAt,
        UUID supersedesPlanId,
        PlanContent plan)
        implements PatientEvent {}
