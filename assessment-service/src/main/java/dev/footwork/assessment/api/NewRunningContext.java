package dev.footwork.assessment.api;

import dev.footwork.assessment.application.RunningContext;
import dev.footwork.assessment.application.RunningContext.ShoeType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the patient runs, for the clinician's context. */
public record NewRunningContext(
        @Schema(description = "Average weekly running distance in km, 0..500")
                @DecimalMin("0")
                @DecimalMax("500")
                BigDecimal weeklyDistanceKm,
        ShoeType shoeType) {

    RunningContext toContext() {
        return new RunningContext(weeklyDistanceKm, shoeType);
    }
}
