package dev.footwork.assessment.api;

import dev.footwork.assessment.application.AssessmentView;
import dev.footwork.assessment.application.ReadAssessments;
import dev.footwork.assessment.application.RecordAssessment;
import dev.footwork.support.api.IdempotencyKeyHeader;
import dev.footwork.support.audit.ChangeTransaction;
import dev.footwork.support.audit.PatientAccess;
import dev.footwork.support.idempotency.IdempotencyKeys;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Foot assessments: measurements in, per-foot classification out. */
@Path("/api/v1/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.NAME;
    static final String REPLAYED = IdempotencyKeyHeader.REPLAYED;

    private final RecordAssessment recordAssessment;
    private final ReadAssessments readAssessments;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;
    private final PatientAccess patientAccess;

    AssessmentResource(
            RecordAssessment recordAssessment,
            ReadAssessments readAssessments,
            IdempotencyKeys idempotencyKeys,
            Caller caller,
            PatientAccess patientAccess) {
        this.recordAssessment = recordAssessment;
        this.readAssessments = readAssessments;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
        this.patientAccess = patientAccess;
    }

    @POST
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assess a patient's feet",
            description =
                    "Classifies each foot, stores the assessment (superseding the patient's previous"
                            + " one) and publishes a FootClassified event. With an Idempotency-Key,"
                            + " a retry of the same request returns the first assessment.")
    @APIResponse(responseCode = "201", description = "Classified and stored; Location names it")
    @APIResponse(
            responseCode = "400",
            description = "Invalid measurements (application/problem+json)")
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused for a different request")
    @ChangeTransaction
    public Response create(
            @Parameter(description = "Makes retries safe: the same key returns the same assessment")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @NotNull @Valid NewAssessment body,
            UriInfo uri) {
        String clinicId = caller.clinicId();
        patientAccess.recordChangeTo(body.patientRef());
        IdempotencyKeys.Key key =
                IdempotencyKeyHeader.read(idempotencyKey)
                        .map(value -> idempotencyKeys.key(value, body))
                        .orElse(null);
        RecordAssessment.Result recorded = recordAssessment.handle(body.toCommand(clinicId, key));
        AssessmentView stored = recorded.assessment();
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
                .header(REPLAYED, recorded.replayed())
                .entity(stored)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "One assessment with its per-foot classification and evidence")
    @APIResponse(responseCode = "404", description = "No such assessment in this clinic")
    public AssessmentView get(@PathParam("id") UUID id) {
        AssessmentView assessment = readAssessments.one(id);
        patientAccess.requireAccessTo(assessment.patientRef(), "assessment " + id);
        return assessment;
    }
}
