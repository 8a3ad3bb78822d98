package dev.footwork.progress.api;

import dev.footwork.progress.domain.SessionTotals;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.PlanView;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patients' progress on their exercise plans. */
@Path("/api/v1/patients/{patientRef}/progress")
@Tag(name = "Progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    private final Caller caller;

    ProgressResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Progress on the patient's current plan: sessions, volume, pain")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public ProgressSummary summary(@PathParam("patientRef") String patientRef) {
        PatientRefParam.require(patientRef);
        caller.requireAccessTo(patientRef, "a plan for " + patientRef);
        PlanView plan =
                PlanView.currentOf(patientRef)
                        .orElseThrow(() -> ProblemException.notFound("a plan for " + patientRef));
        PlanProgress progress = PlanProgress.findById(plan.planId);
        SessionTotals totals = progress == null ? SessionTotals.NONE : progress.totals();
        return new ProgressSummary(
                plan.clinicId,
                patientRef,
                plan.planId,
                plan.status,
                totals.completedSessions(),
                totals.totalReps(),
                totals.volume(),
                totals.meanPain(),
                totals.painMax(),
                totals.lastActivityAt());
    }
}
