package dev.footwork.exercise.application;

import dev.footwork.exercise.persistence.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a patient's plan history. */
public record PlanSummary(
        UUID id,
        UUID assessmentId,
        int revision,
        String status,
        int currentPhase,
        LocalDate startsOn,
        Instant issuedAt,
        Instant updatedAt,
        UUID supersedesPlanId,
        String rulesVersion) {

    static PlanSummary of(Plan plan) {
        return new PlanSummary(
                plan.id,
                plan.assessmentId,
                plan.revision,
                plan.status,
                plan.content.currentPhase(),
                plan.startsOn,
                plan.issuedAt,
                plan.updatedAt,
                plan.supersedesId,
                plan.rulesVersion);
    }
}
