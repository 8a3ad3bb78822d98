package dev.footwork.assessment.api;

import dev.footwork.assessment.persistence.ErasureRequest;
import dev.footwork.assessment.persistence.PatientEraser;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure of a patient's data across the three services, requested by a clinic's admin. */
@Path("/api/v1/erasures")
@Tag(name = "Erasure")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final PatientEraser eraser;
    private final Caller caller;
    private final JsonWebToken token;

    ErasureResource(PatientEraser eraser, Caller caller, JsonWebToken token) {
        this.eraser = eraser;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Erase a patient of the caller's clinic",
            description =
                    "Deletes the patient's assessments here and, in the same transaction, records"
                            + " the request and publishes PatientErased; exercise-service and"
                            + " progress-service delete their data and confirm. Answered once the"
                            + " request is stored; follow Location for its status.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the status")
    @APIResponse(responseCode = "400", description = "No or malformed patientRef")
    public Response erase(@NotNull @Valid NewErasure body, UriInfo uri) {
        caller.touching(body.patientRef());
        String requestedBy = token.getSubject() != null ? token.getSubject() : token.getName();
        ErasureRequest request = eraser.erase(caller.clinicId(), body.patientRef(), requestedBy);
        return Response.accepted(ErasureStatus.of(request))
                .location(uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                .build();
    }

    @GET
    @Path("/{erasureId}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Where an erasure stands, per service")
    @APIResponse(responseCode = "404", description = "No such erasure in the caller's clinic")
    public ErasureStatus status(@PathParam("erasureId") UUID erasureId) {
        ErasureRequest request = ErasureRequest.findById(erasureId);
        if (request == null) {
            throw ProblemException.notFound("erasure " + erasureId);
        }
        caller.touching(request.patientRef);
        return ErasureStatus.of(request);
    }
}
