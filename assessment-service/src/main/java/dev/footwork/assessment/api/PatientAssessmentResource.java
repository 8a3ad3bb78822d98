package dev.footwork.assessment.api;

import dev.footwork.assessment.application.AssessmentPage;
import dev.footwork.assessment.application.ReadAssessments;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.audit.PatientAccess;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A patient's assessments over time. */
@Path("/api/v1/patients/{patientRef}/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class PatientAssessmentResource {

    private final ReadAssessments readAssessments;
    private final PatientAccess patientAccess;

    PatientAssessmentResource(ReadAssessments readAssessments, PatientAccess patientAccess) {
        this.readAssessments = readAssessments;
        this.patientAccess = patientAccess;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "A patient's assessments, newest first, one page at a time")
    @APIResponse(
            responseCode = "400",
            description =
                    "A malformed patientRef, or page or size out of bounds"
                            + " (application/problem+json)")
    public AssessmentPage list(
            @PathParam("patientRef") String patientRef,
            @Parameter(description = PageBounds.PAGE_DESCRIPTION)
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageBounds.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PatientRefParam.require(patientRef);
        patientAccess.requireAccessTo(patientRef, "patient " + patientRef);
        return readAssessments.ofPatient(patientRef, page, size);
    }
}
