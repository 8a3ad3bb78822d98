package dev.footwork.assessment.api;

import dev.footwork.assessment.application.RecordAssessment;
import dev.footwork.contracts.PatientKey;
import dev.footwork.support.api.InstantInRange;
import dev.footwork.support.idempotency.IdempotencyKeys;
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
                 "runningContext":{"weeklyDistanceKm":35,"shoeType":"STABILITY"},
                 "notes":"Left knee pain after long runs.",
                 "feet":[{"side":"LEFT","fpiTotal":8,"navicularDropMm":11.5},
                         {"side":"RIGHT","fpiItems":[1,1,0,1,1,0],"calcanealStanceDegrees":4}]}""")
public record NewAssessment(
        @Schema(description = "Pseudonymous patient reference, never a name")
                @NotNull
                @Pattern(regexp = PatientKey.TOKEN_REGEX)
                String patientRef,
        @Schema(
                        description =
                                "When the feet were measured (ISO-8601, UTC); not in the future,"
                                        + " not before 1900")
                @NotNull
                @PastOrPresent
                @InstantInRange
                Instant assessedAt,
        @Schema(description = "Who measured: an opaque staff id, never a name")
                @Pattern(regexp = PatientKey.TOKEN_REGEX)
                String assessor,
        @Valid NewRunningContext runningContext,
        @Schema(
                        description =
                                "Clinician notes: stored and returned to the clinic, never published in events")
                @Size(max = 2000)
                String notes,
        @Schema(description = "One or both feet, each side at most once")
                @NotNull
                @Size(min = 1, max = 2)
                List<@NotNull @Valid NewFoot> feet) {

    /**
     * The command this request asks for.
     *
     * @param idempotencyKey the request's key, or null
     */
    RecordAssessment.Command toCommand(String clinicId, IdempotencyKeys.Key idempotencyKey) {
        return new RecordAssessment.Command(
                clinicId,
                patientRef,
                assessedAt,
                assessor,
                runningContext == null ? null : runningContext.toContext(),
                notes,
                feet.stream().map(NewFoot::toInput).toList(),
                idempotencyKey);
    }
}
