package dev.footwork.assessment.api;

import dev.footwork.assessment.domain.FootInput;
import dev.footwork.contracts.vocabulary.Side;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was measured on one foot; at least one classifying measure is required. */
public record NewFoot(
        @Schema(description = "LEFT or RIGHT") @NotNull Side side,
        @Schema(description = "The six FPI-6 item scores in manual order, each -2..+2")
                @Size(min = 6, max = 6)
                List<@NotNull @Min(-2) @Max(2) Integer> fpiItems,
        @Schema(description = "FPI-6 total -12..+12, when the items are not given")
                @Min(-12)
                @Max(12)
                Integer fpiTotal,
        @Schema(description = "Navicular drop in millimetres, 0..40")
                @DecimalMin("0")
                @DecimalMax("40")
                @Digits(integer = 2, fraction = 1)
                BigDecimal navicularDropMm,
        @Schema(
                        description =
                                "Resting calcaneal stance position in degrees, positive = everted, -30..30")
                @DecimalMin("-30")
                @DecimalMax("30")
                @Digits(integer = 2, fraction = 1)
                BigDecimal calcanealStanceDegrees,
        @Schema(
                        description =
                                "Peak rearfoot eversion while running, degrees, -30..45 (gait analysis)")
                @DecimalMin("-30")
                @DecimalMax("45")
                @Digits(integer = 2, fraction = 1)
                BigDecimal peakRearfootEversionDegrees,
        @Schema(
                        description =
                                "Arch height index, a ratio in (0, 1]; stored, never classified on alone")
                @DecimalMin(value = "0", inclusive = false)
                @DecimalMax("1")
                @Digits(integer = 1, fraction = 3)
                BigDecimal archHeightIndex) {

    @Schema(hidden = true)
    @AssertTrue(message = FootInput.NOT_MEASURED)
    public boolean isMeasured() {
        return fpiItems != null
                || fpiTotal != null
                || navicularDropMm != null
                || calcanealStanceDegrees != null
                || peakRearfootEversionDegrees != null;
    }

    @Schema(hidden = true)
    @AssertTrue(message = FootInput.INCONSISTENT)
    public boolean isConsistent() {
        if (fpiItems == null || fpiTotal == null || fpiItems.contains(null)) {
            return true;
        }
        return fpiItems.stream().mapToInt(Integer::intValue).sum() == fpiTotal;
    }

    /** The foot as the domain reads it. */
    FootInput toInput() {
        return new FootInput(
                side,
                fpiItems,
                fpiTotal,
                navicularDropMm,
                calcanealStanceDegrees,
                peakRearfootEversionDegrees,
                archHeightIndex);
    }
}
