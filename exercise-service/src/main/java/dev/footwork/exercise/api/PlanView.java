package dev.footwork.exercise.api;

import dev.footwork.contracts.events.PlanContent;
import dev.footwork.exercise.persistence.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan as the API returns it. */
public record PlanView(
        UUID id,
        String clinicId,
        String patientRef,
        UUID assessmentId,
        int revision,
        String status,
        String rulesVersion,
        Instant issuedAt,
        UUID supersedesPlanId,
        LocalDate startsOn,
        int weeks,
        int currentPhase,
        List<PlanContent.Phase> phases,
        List<PlanContent.FootPlan> feet,
        List<LocalDate> reassessmentDates) {

    static PlanView of(Plan plan, PlanContent content) {
        return new PlanView(
                plan.id,
                plan.clinicId,
                plan.patientRef,
                plan.assessmentId,
                plan.revision,
                plan.status,
                plan.rulesVersion,
                plan.issuedAt,
                plan.supersedesId,
                content.startsOn(),
                content.weeks(),
                content.currentPhase(),
                content.phases(),
                content.feet(),
                content.reassessmentDates());
    }
}
