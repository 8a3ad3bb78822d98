package dev.footwork.exercise.api;

import dev.footwork.exercise.persistence.CompletionRecorder;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanIssuer;
import dev.footwork.support.api.ClinicHeader;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.api.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patients' exercise plans and the completions logged against them. */
@Path("/api/v1")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanIssuer plans;
    private final CompletionRecorder completions;

    PlanResource(PlanIssuer plans, CompletionRecorder completions) {
        this.plans = plans;
        this.completions = completions;
    }

    @GET
    @Path("/patients/{patientRef}/plans/active")
    @Operation(summary = "The patient's active plan")
    @APIResponse(responseCode = "404", description = "The patient has no active plan (yet)")
    public PlanView active(
            @HeaderParam(ClinicHeader.NAME) String clinic,
            @PathParam("patientRef") String patientRef) {
        String clinicId = ClinicHeader.require(clinic);
        PatientRefParam.require(patientRef);
        Plan plan =
                Plan.activeOf(clinicId, patientRef)
                        .orElseThrow(
                                () ->
                                        ProblemException.notFound(
                                                "an active plan for " + patientRef));
        return PlanView.of(plan, plans.read(plan.content));
    }

    @GET
    @Path("/plans/{planId}")
    @Operation(summary = "One plan at its current revision")
    @APIResponse(responseCode = "404", description = "No such plan in this clinic")
    public PlanView plan(
            @HeaderParam(ClinicHeader.NAME) String clinic, @PathParam("planId") UUID planId) {
        Plan plan =
                Plan.findInClinic(ClinicHeader.require(clinic), planId)
                        .orElseThrow(() -> ProblemException.notFound("plan " + planId));
        return PlanView.of(plan, plans.read(plan.content));
    }

    @POST
    @Path("/plans/{planId}/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log one completed exercise session against a plan")
    @APIResponse(responseCode = "201", description = "Recorded; an ExerciseCompleted event follows")
    @APIResponse(responseCode = "200", description = "The same completion id was recorded before")
    @APIResponse(
            responseCode = "400",
            description = "Invalid or not prescribed (application/problem+json)")
    @APIResponse(
            responseCode = "409",
            description = "Plan not active, or the id was used for other content")
    public Response complete(
            @HeaderParam(ClinicHeader.NAME) String clinic,
            @PathParam("planId") UUID planId,
            @NotNull @Valid NewCompletion body,
            UriInfo uri) {
        CompletionRecorder.Result result =
                completions.record(
                        ClinicHeader.require(clinic),
                        planId,
                        new CompletionRecorder.Logged(
                                body.completionId(),
                                body.exerciseId(),
                                body.side(),
                                body.sets(),
                                body.reps(),
                                body.holdSeconds(),
                                body.bandColour(),
                                body.pain(),
                                body.completedAt()));
        CompletionView view = CompletionView.of(result.completion());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }
}
