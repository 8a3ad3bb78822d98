package dev.footwork.progress.api;

import dev.footwork.progress.application.FollowProgress;
import dev.footwork.progress.application.ProgressSummary;
import dev.footwork.progress.application.ReadProgress;
import dev.footwork.progress.application.WeeklySeries;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.audit.AuditRecorder;
import dev.footwork.support.audit.PatientAccess;
import dev.footwork.support.security.Caller;
import dev.footwork.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Patients' progress on their exercise plans. */
@Path("/api/v1/patients/{patientRef}/progress")
@Tag(name = "Progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    private static final String STREAM = "/api/v1/patients/{patientRef}/progress/stream";

    private final Caller caller;
    private final JsonWebToken token;
    private final PatientAccess access;
    private final ReadProgress readProgress;
    private final FollowProgress followProgress;
    private final AuditRecorder audit;

    ProgressResource(
            Caller caller,
            JsonWebToken token,
            PatientAccess access,
            ReadProgress readProgress,
            FollowProgress followProgress,
            AuditRecorder audit) {
        this.caller = caller;
        this.token = token;
        this.access = access;
        this.readProgress = readProgress;
        this.followProgress = followProgress;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(
            summary =
                    "Progress on the patient's current plan: adherence, volume, pain, streak,"
                            + " phase, flags")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public ProgressSummary summary(@PathParam("patientRef") String patientRef) {
        return readProgress.summary(checked(patientRef));
    }

    @GET
    @Path("/weeks")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "The current plan's figures week by week, per exercise and foot")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    public WeeklySeries weeks(@PathParam("patientRef") String patientRef) {
        return readProgress.weeks(checked(patientRef));
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
                            + " patient's progress changes on any replica (server-sent events);"
                            + " the stream ends when the caller's token expires")
    @APIResponse(responseCode = "404", description = "No plan is known for the patient")
    @APIResponse(
            responseCode = "429",
            description =
                    "The clinic has as many live streams open on this replica as it may"
                            + " (footwork.progress.max-streams-per-clinic)")
    public Multi<ProgressSummary> stream(@PathParam("patientRef") String patientRef) {
        String patient = checked(patientRef);
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        return followProgress
                .handle(
                        new FollowProgress.Command(
                                caller.clinicId(),
                                patient,
                                expires,
                                () -> audit.streamOpened(STREAM)))
                .orElseThrow(
                        // a quota of the caller's clinic, not an outage: other clinics are served
                        () ->
                                new ClientErrorException(
                                        "the clinic has as many live streams open as it may;"
                                                + " close one or try again later",
                                        429));
    }

    private String checked(String patientRef) {
        PatientRefParam.require(patientRef);
        access.requireAccessTo(patientRef, "a plan for " + patientRef);
        return patientRef;
    }
}
