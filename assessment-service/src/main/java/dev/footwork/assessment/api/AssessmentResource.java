package dev.footwork.assessment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.assessment.persistence.AssessmentRecorder;
import dev.footwork.support.api.IdempotencyKeyHeader;
import dev.footwork.support.api.ProblemException;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.exception.ConstraintViolationException;

/** Foot assessments: measurements in, per-foot classification out. */
@Path("/api/v1/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.NAME;
    static final String REPLAYED = IdempotencyKeyHeader.REPLAYED;

    private final AssessmentRecorder recorder;
    private final ObjectMapper mapper;

    private final Caller caller;

    AssessmentResource(AssessmentRecorder recorder, ObjectMapper mapper, Caller caller) {
        this.recorder = recorder;
        this.mapper = mapper;
        this.caller = caller;
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
    public Response create(
            @Parameter(description = "Makes retries safe: the same key returns the same assessment")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @NotNull @Valid NewAssessment body,
            UriInfo uri) {
        String clinicId = caller.clinicId();
        caller.touching(body.patientRef());
        AssessmentRecorder.Submission submission = Submissions.of(clinicId, body);
        Optional<AssessmentRecorder.IdempotencyKey> key = idempotency(idempotencyKey, body);
        AssessmentRecorder.Recorded recorded;
        try {
            recorded = recorder.record(submission, key);
        } catch (ConstraintViolationException concurrentSameKey) {
            if (key.isEmpty()) {
                throw concurrentSameKey;
            }
            recorded = recorder.record(submission, key);
        }
        Assessment stored = recorded.assessment();
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id.toString()).build())
                .header(REPLAYED, recorded.replayed())
                .entity(AssessmentView.of(stored, mapper))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "One assessment with its per-foot classification and evidence")
    @APIResponse(responseCode = "404", description = "No such assessment in this clinic")
    public AssessmentView get(@PathParam("id") UUID id) {
        Assessment assessment =
                Assessment.byId(id)
                        .orElseThrow(() -> ProblemException.notFound("assessment " + id));
        caller.requireAccessTo(assessment.patientRef, "assessment " + id);
        return AssessmentView.of(assessment, mapper);
    }

    private Optional<AssessmentRecorder.IdempotencyKey> idempotency(
            String key, NewAssessment body) {
        if (IdempotencyKeyHeader.read(key).isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    mapper.writeValueAsString(body)
                                            .getBytes(StandardCharsets.UTF_8));
            return Optional.of(
                    new AssessmentRecorder.IdempotencyKey(key, HexFormat.of().formatHex(digest)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the request", e);
        }
    }
}
