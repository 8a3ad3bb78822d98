package dev.footwork.exercise.api;

import dev.footwork.exercise.application.ReadCatalogue;
import dev.footwork.exercise.domain.Exercise;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The exercise catalogue: what each exercise is for and how to do it. */
@Path("/api/v1/exercises")
@Tag(name = "Exercises")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ReadCatalogue catalogue;

    ExerciseResource(ReadCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "All six exercises with instructions, equipment, dosage and cautions")
    public List<Exercise> all() {
        return catalogue.all();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "One exercise; band exercises say which way the band pulls each foot")
    @APIResponse(responseCode = "404", description = "No exercise with that id")
    public Exercise one(@PathParam("id") String id) {
        return catalogue.one(id);
    }
}
