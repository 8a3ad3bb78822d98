package dev.footwork.assessment.api;

import dev.footwork.assessment.domain.FootInput;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.assessment.persistence.AssessmentRecorder;
import dev.footwork.contracts.events.Side;
import dev.footwork.support.api.ClinicHeader;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    private final AssessmentRecorder recorder;

    AssessmentResource(AssessmentRecorder recorder) {
        this.recorder = recorder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Assess a patient's feet: classifies each foot, stores and publishes the"
                            + " result")
    @APIResponse(
            responseCode = "201",
            description = "Classified and stored; Location names the new assessment")
    @APIResponse(
            responseCode = "400",
            description = "Invalid measurements (application/problem+json)")
    public Response create(
            @Parameter(description = "The clinic the request acts for")
                    @HeaderParam(ClinicHeader.NAME)
                    String clinic,
            @NotNull @Valid NewAssessment body,
            UriInfo uri) {
        String clinicId = ClinicHeader.require(clinic);
        List<FootInput> feet = feetOf(body);
        Assessment stored =
                recorder.record(
                        new AssessmentRecorder.Submission(
                                clinicId,
                                body.patientRef(),
                                body.assessedAt(),
                                body.assessor(),
                                feet));
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id.toString()).build())
                .entity(AssessmentView.of(stored))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assessment with its per-foot classification")
    @APIResponse(responseCode = "404", description = "No such assessment in this clinic")
    public AssessmentView get(
            @HeaderParam(ClinicHeader.NAME) String clinic, @PathParam("id") UUID id) {
        return Assessment.findInClinic(ClinicHeader.require(clinic), id)
                .map(AssessmentView::of)
                .orElseThrow(() -> ProblemException.notFound("assessment " + id));
    }

    private static List<FootInput> feetOf(NewAssessment body) {
        Set<Side> seen = EnumSet.noneOf(Side.class);
        for (int i = 0; i < body.feet().size(); i++) {
            Side side = body.feet().get(i).side();
            if (!seen.add(side)) {
                throw ProblemException.invalidField(
                        "feet[" + i + "].side", side + " foot is given twice");
            }
        }
        return body.feet().stream()
                .map(f -> new FootInput(f.side(), f.fpiItems(), f.fpiTotal()))
                .toList();
    }
}
