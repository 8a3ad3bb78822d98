package dev.footwork.assessment.api;

import dev.footwork.assessment.domain.FootPostureClassifier;
import dev.footwork.assessment.domain.RuleSet;
import dev.footwork.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The thresholds new assessments are classified with. */
@Path("/api/v1/rule-sets/active")
@Tag(name = "Rule sets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final FootPostureClassifier classifier;

    RuleSetResource(FootPostureClassifier classifier) {
        this.classifier = classifier;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT})
    @Operation(
            summary = "The active classification rule set: version, thresholds, weights, sources")
    public RuleSet active() {
        return classifier.rules();
    }
}
