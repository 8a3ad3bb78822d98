package dev.footwork.assessment.api;

import dev.footwork.assessment.application.ErasureStatus;
import dev.footwork.assessment.application.ReadErasures;
import dev.footwork.assessment.application.RequestErasure;
import dev.footwork.support.audit.ChangeTransaction;
import dev.footwork.support.audit.PatientAccess;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure of a patient's data across the three services, requested by a clinic's admin. */
@Path("/api/v1/erasures")
@Tag(name = "Erasure")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final RequestErasure requestErasure;
    private final ReadErasures readErasures;
    private final Caller caller;
    private final PatientAccess patientAccess;

    ErasureResource(
            RequestErasure requestErasure,
            ReadErasures readErasures,
            Caller caller,
            PatientAccess patientAccess) {
        this.requestErasure = requestErasure;
        this.readErasures = readErasures;
        this.caller = caller;
        this.patientAccess = patientAccess;
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
    @ChangeTransaction
    public Response erase(@NotNull @Valid NewErasure body, UriInfo uri) {
        patientAccess.recordChangeTo(body.patientRef());
        ErasureStatus status =
                requestErasure.handle(
                        new RequestErasure.Command(
                                caller.clinicId(), body.patientRef(), caller.subject()));
        return Response.accepted(status)
                .location(uri.getAbsolutePathBuilder().path(status.erasureId().toString()).build())
                .build();
    }

    @GET
    @Path("/{erasureId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Where an erasure stands, per service")
    @APIResponse(responseCode = "404", description = "No such erasure in the caller's clinic")
    public ErasureStatus status(@PathParam("erasureId") UUID erasureId) {
        ErasureStatus status = readErasures.status(erasureId);
        patientAccess.requireAccessTo(status.patientRef(), "erasure " + erasureId);
        return status;
    }
}
