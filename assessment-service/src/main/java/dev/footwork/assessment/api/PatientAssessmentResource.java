package dev.footwork.assessment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.support.api.PatientRefParam;
import dev.footwork.support.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A patient's assessments over time. */
@Path("/api/v1/patients/{patientRef}/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class PatientAssessmentResource {

    private final ObjectMapper mapper;

    private final Caller caller;

    PatientAssessmentResource(ObjectMapper mapper, Caller caller) {
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "A patient's assessments, newest first, one page at a time")
    public AssessmentPage list(
            @PathParam("patientRef") String patientRef,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PatientRefParam.require(patientRef);
        caller.requireAccessTo(patientRef, "patient " + patientRef);
        long total = Assessment.countOf(patientRef);
        return new AssessmentPage(
                Assessment.pageOf(patientRef, page, size).stream()
                        .map(a -> AssessmentView.of(a, mapper))
                        .toList(),
                page,
                size,
                total,
                (total + size - 1) / size);
    }
}
