package dev.footwork.assessment.api;

import dev.footwork.contracts.PatientKey;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's request to erase a patient of the admin's clinic. */
@Schema(description = "The patient to erase", example = "{\"patientRef\":\"runner-0042\"}")
public record NewErasure(
        @Schema(description = "Pseudonymous patient reference")
                @NotNull
                @Pattern(regexp = PatientKey.TOKEN_REGEX)
                String patientRef) {}
