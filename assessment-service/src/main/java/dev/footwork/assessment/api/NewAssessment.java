package dev.footwork.assessment.api;

import dev.footwork.contracts.PatientKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to assess one patient's feet. */
@Schema(
        description = "Measurements of one or both feet of one patient",
        example =
                """
                {"patientRef":"runner-0042","assessedAt":"2026-11-20T09:30:00Z","assessor":"clinician-7",
                 "feet":[{"side":"LEFT","fpiTotal":8},{"side":"RIGHT","fpiItems":[1,1,0,1,1,0]}]}\
                """)
public record NewAssessment(
        @Schema(description = "Pseudonymous patient reference, never a name")
                @NotNull
                @Pattern(regexp = PatientKey.TOKEN_REGEX)
                String patientRef,
        @Schema(description = "When the feet were measured (ISO-8601, UTC)") @NotNull @PastOrPresent
                Instant assessedAt,
        @Schema(description = "Who measured: an opaque staff id")
                @Pattern(regexp = PatientKey.TOKEN_REGEX)
                String assessor,
        @NotNull @Size(min = 1, max = 2) List<@NotNull @Valid NewFoot> feet) {}
