package dev.footwork.progress.api;

import dev.footwork.contracts.PatientKey;
import dev.footwork.progress.domain.Assessment;
import dev.footwork.progress.live.ProgressChanges;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.PlanView;
import dev.footwork.progress.persistence.ProgressEvaluator;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.audit.AuditRecorder;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Patients' progress on their exercise plans. */
@Path("/api/v1/patients/{patientRef}/progress")
@Tag(name = "Progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    private final Caller caller;
    private final ProgressEvaluator evaluator;
    private final ProgressChanges changes;
    private final Clock clock;
    private final AuditRecorder audit;

    ProgressResource(
            Caller caller,
            ProgressEvaluator evaluator,
            ProgressChanges changes,
            Clock clock,
            AuditRecorder audit) {
        this.audit = audit;
        this.caller = caller;
        this.evaluator = evaluator;
        this.changes = changes;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Transactional
    @Operation(
            summary =
                    "Progress on the patient's current plan: adherence, volume, pain, streak,"
                            + " phase, flags")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public ProgressSummary summary(@PathParam("patientRef") String patientRef) {
        return current(checked(patientRef));
    }

    @GET
    @Path("/weeks")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Transactional
    @Operation(summary = "The current plan's figures week by week, per exercise and foot")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public WeeklySeries weeks(@PathParam("patientRef") String patientRef) {
        PlanView plan = planOf(checked(patientRef));
        Assessment assessment = evaluator.assess(plan, clock.instant());
        return new WeeklySeries(plan.planId, plan.patientRef, assessment.weeks());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Blocking
    @Operation(
            summary =
                    "Live progress: the current summary at once, then a new one whenever the"
                            + " patient's progress changes on any replica (server-sent events)")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public Multi<ProgressSummary> stream(@PathParam("patientRef") String patientRef) {
        String patient = checked(patientRef);
        String clinic = caller.clinicId();
        // follow before reading, so a change in between is not lost
        Multi<PatientKey> updates = changes.follow(new PatientKey(clinic, patient));
        ProgressSummary first = Tenancy.transaction(clinic).call(() -> current(patient));
        audit.streamOpened("/api/v1/patients/{patientRef}/progress/stream");
        Multi<ProgressSummary> later =
                updates.emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(change -> Tenancy.transaction(clinic).call(() -> current(patient)));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), later);
    }

    private String checked(String patientRef) {
        PatientRefParam.require(patientRef);
        caller.requireAccessTo(patientRef, "a plan for " + patientRef);
        return patientRef;
    }

    private ProgressSummary current(String patientRef) {
        PlanView plan = planOf(patientRef);
        PlanProgress progress = PlanProgress.findById(plan.planId);
        return ProgressSummary.of(plan, progress, evaluator.assess(plan, clock.instant()));
    }

    private static PlanView planOf(String patientRef) {
        return PlanView.currentOf(patientRef)
                .orElseThrow(() -> ProblemException.notFound("a plan for " + patientRef));
    }
}
