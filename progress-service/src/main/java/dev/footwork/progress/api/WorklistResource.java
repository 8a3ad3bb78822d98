package dev.footwork.progress.api;

import dev.footwork.progress.application.ReadWorklist;
import dev.footwork.progress.application.Worklist;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic's patients, those needing attention first. */
@Path("/api/v1/worklist")
@Tag(name = "Worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    private final ReadWorklist readWorklist;

    WorklistResource(ReadWorklist readWorklist) {
        this.readWorklist = readWorklist;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            summary =
                    "Patients with a current plan by risk: pain flags, low adherence, re-assessment"
                            + " due; then lowest 7-day adherence")
    @APIResponse(
            responseCode = "400",
            description = "page or size out of bounds (application/problem+json)")
    public Worklist worklist(
            @Parameter(description = PageBounds.PAGE_DESCRIPTION)
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageBounds.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return readWorklist.handle(new ReadWorklist.Query(page, size));
    }
}
