package dev.footwork.exercise.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.exercise.application.CompletionView;
import dev.footwork.exercise.application.LogCompletion;
import dev.footwork.exercise.application.PlanSummary;
import dev.footwork.exercise.application.PlanView;
import dev.footwork.exercise.application.ReadPlans;
import dev.footwork.exercise.application.RevisePlan;
import dev.footwork.exercise.application.RevisionView;
import dev.footwork.exercise.domain.PlanAdjustment;
import dev.footwork.support.api.IdempotencyKeyHeader;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.application.Rejected;
import dev.footwork.support.audit.ChangeTransaction;
import dev.footwork.support.audit.PatientAccess;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patients' exercise plans, their revisions, and the completions logged against them. */
@Path("/api/v1")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    /** An If-Match revision once its quotes are off: a number, as the ETag gives it. */
    private static final Pattern REVISION = Pattern.compile("[+-]?\\d{1,18}");

    private final ReadPlans plans;
    private final RevisePlan revise;
    private final LogCompletion logCompletion;
    private final Caller caller;
    private final PatientAccess access;
    private final ObjectMapper mapper;
    private final Validator validator;

    PlanResource(
            ReadPlans plans,
            RevisePlan revise,
            LogCompletion logCompletion,
            Caller caller,
            PatientAccess access,
            ObjectMapper mapper,
            Validator validator) {
        this.plans = plans;
        this.revise = revise;
        this.logCompletion = logCompletion;
        this.caller = caller;
        this.access = access;
        this.mapper = mapper;
        this.validator = validator;
    }

    @GET
    @Path("/patients/{patientRef}/plans/active")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(
            summary = "The patient's current plan (active or paused), rendered per foot",
            description = "The ETag is the plan's revision; send it as If-Match when changing it.")
    @APIResponse(responseCode = "404", description = "The patient has no current plan (yet)")
    public Response active(@PathParam("patientRef") String patientRef) {
        PatientRefParam.require(patientRef);
        access.requireAccessTo(patientRef, "a current plan for " + patientRef);
        return rendered(plans.active(patientRef));
    }

    @GET
    @Path("/patients/{patientRef}/plans")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "The patient's plan history, newest first")
    public List<PlanSummary> history(@PathParam("patientRef") String patientRef) {
        PatientRefParam.require(patientRef);
        access.requireAccessTo(patientRef, "patient " + patientRef);
        return plans.history(patientRef);
    }

    @GET
    @Path("/plans/{planId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(
            summary = "One plan at its latest revision, with instructions for each foot",
            description = "The ETag is the plan's revision; send it as If-Match when changing it.")
    @APIResponse(responseCode = "404", description = "No such plan in this clinic")
    public Response plan(@PathParam("planId") UUID planId) {
        PlanView plan = plans.plan(planId);
        access.requireAccessTo(plan.patientRef(), "plan " + planId);
        return rendered(plan);
    }

    @GET
    @Path("/plans/{planId}/revisions")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Every revision of a plan, oldest first, with the reason for each")
    @APIResponse(responseCode = "404", description = "No such plan in this clinic")
    public List<RevisionView> revisions(@PathParam("planId") UUID planId) {
        requireAccessTo(planId);
        return plans.revisions(planId);
    }

    @POST
    @Path("/plans/{planId}/adjustments")
    @RolesAllowed(Roles.CLINICIAN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change dosage, remove or add exercises, or change a foot's training days",
            description =
                    "All changes apply together as one new revision and a PlanRevised event"
                            + " (reason CLINICIAN_ADJUSTMENT), or none applies.")
    @APIResponse(responseCode = "200", description = "The plan at its new revision")
    @APIResponse(responseCode = "400", description = "Malformed change (application/problem+json)")
    @APIResponse(responseCode = "409", description = "The plan has been superseded")
    @APIResponse(responseCode = "412", description = "If-Match names an older revision")
    @APIResponse(
            responseCode = "422",
            description = "A change does not fit the plan, e.g. an exercise it does not have")
    @ChangeTransaction
    public Response adjust(
            @Parameter(description = "The revision the change was made against, e.g. \"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @PathParam("planId") UUID planId,
            @NotNull @Valid NewAdjustment body) {
        List<PlanAdjustment> changes = body.toAdjustments();
        return changed(revise.adjust(command(planId, ifMatch), changes));
    }

    @POST
    @Path("/plans/{planId}/pause")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            summary =
                    "Pause the plan (PlanRevised, reason PAUSED); no completions count while paused")
    @APIResponse(responseCode = "200", description = "The plan, paused (already paused: unchanged)")
    @APIResponse(responseCode = "409", description = "The plan has been superseded")
    @ChangeTransaction
    public Response pause(
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @PathParam("planId") UUID planId) {
        return changed(revise.pause(command(planId, ifMatch)));
    }

    @POST
    @Path("/plans/{planId}/resume")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Resume a paused plan (PlanRevised, reason RESUMED)")
    @APIResponse(responseCode = "200", description = "The plan, active (already active: unchanged)")
    @APIResponse(responseCode = "409", description = "The plan has been superseded")
    @ChangeTransaction
    public Response resume(
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @PathParam("planId") UUID planId) {
        return changed(revise.resume(command(planId, ifMatch)));
    }

    @GET
    @Path("/plans/{planId}/completions")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Completions logged against a plan, latest session first")
    @APIResponse(responseCode = "404", description = "No such plan in this clinic")
    @APIResponse(
            responseCode = "400",
            description = "page or size out of bounds (application/problem+json)")
    public List<CompletionView> completions(
            @PathParam("planId") UUID planId,
            @Parameter(description = PageBounds.PAGE_DESCRIPTION)
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageBounds.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        requireAccessTo(planId);
        return plans.completions(planId, page, size);
    }

    @POST
    @Path("/plans/{planId}/completions")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.INTEGRATION})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log one completed exercise session against a plan",
            description =
                    "Checked against the plan revision in force at completedAt. A retry is safe"
                            + " with the same completionId or the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; an ExerciseCompleted event follows")
    @APIResponse(
            responseCode = "200",
            description = "Recorded before (Idempotent-Replayed: true); the stored completion")
    @APIResponse(
            responseCode = "400",
            description = "Invalid or not prescribed (application/problem+json)")
    @APIResponse(
            responseCode = "409",
            description =
                    "The plan was paused or superseded at that time, or the completionId was"
                            + " used for other content")
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used for a different completion")
    @ChangeTransaction
    public Response complete(
            @Parameter(description = "Makes retries safe when the body has no completionId")
                    @HeaderParam(IdempotencyKeyHeader.NAME)
                    String idempotencyKey,
            @PathParam("planId") UUID planId,
            @NotNull @Valid NewCompletion body,
            UriInfo uri) {
        requireAccessTo(planId);
        LogCompletion.Result result =
                logCompletion.handle(
                        new LogCompletion.Command(
                                caller.clinicId(),
                                planId,
                                IdempotencyKeyHeader.read(idempotencyKey),
                                body.toEntry()));
        CompletionView view = result.completion();
        if (!result.created()) {
            return Response.ok(view).header(IdempotencyKeyHeader.REPLAYED, true).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }

    @POST
    @Path("/plans/{planId}/completions/batch")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.INTEGRATION})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log many completions at once, e.g. from an app that was offline",
            description =
                    "Each item is checked and stored on its own: valid items are recorded (each"
                            + " with an ExerciseCompleted event), invalid ones are reported with"
                            + " their problem. Without completionIds, an Idempotency-Key makes a"
                            + " retried batch safe (each item is keyed by the key and its"
                            + " position).")
    @APIResponse(responseCode = "200", description = "The outcome of every item, in order")
    @APIResponse(responseCode = "404", description = "No such plan in this clinic")
    public BatchResult completeBatch(
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @PathParam("planId") UUID planId,
            @NotNull @Valid CompletionBatch body,
            UriInfo uri) {
        requireAccessTo(planId);
        List<LogCompletion.Outcome> outcomes =
                logCompletion.handle(
                        new LogCompletion.Batch(
                                caller.clinicId(),
                                planId,
                                IdempotencyKeyHeader.read(idempotencyKey),
                                body.items(mapper, validator)));
        return BatchResult.of(outcomes, uri.getPath());
    }

    /** The plan in the caller's clinic, and for a patient token only the patient's own. */
    private void requireAccessTo(UUID planId) {
        access.requireAccessTo(plans.patientOf(planId), "plan " + planId);
    }

    private RevisePlan.Command command(UUID planId, String ifMatch) {
        return new RevisePlan.Command(caller.clinicId(), planId, revision(ifMatch));
    }

    /** Adjustments, pause and resume reach the plan by id: its patient is noted here. */
    private Response changed(PlanView plan) {
        access.recordChangeTo(plan.patientRef());
        return rendered(plan);
    }

    private static Response rendered(PlanView plan) {
        return Response.ok(plan).header(HttpHeaders.ETAG, "\"" + plan.revision() + "\"").build();
    }

    /** The revision named by If-Match ({@code "3"}), or null for none or {@code *}. */
    private static Integer revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (REVISION.matcher(value).matches()) {
            long revision = Long.parseLong(value);
            if (revision == (int) revision) {
                return (int) revision;
            }
        }
        throw Rejected.field(
                HttpHeaders.IF_MATCH, "must be a plan revision as returned in the ETag");
    }
}
