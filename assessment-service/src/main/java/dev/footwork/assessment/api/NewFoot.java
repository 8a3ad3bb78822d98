package dev.footwork.assessment.api;

import dev.footwork.contracts.events.Side;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The measures of one foot. */
public record NewFoot(
        @NotNull Side side,
        @Schema(description = "The six FPI-6 item scores in manual order, each -2..+2")
                @Size(min = 6, max = 6)
                List<@NotNull @Min(-2) @Max(2) Integer> fpiItems,
        @Schema(description = "FPI-6 total -12..+12, when the items are not given")
                @Min(-12)
                @Max(12)
                Integer fpiTotal) {

    @Schema(hidden = true)
    @AssertTrue(message = "give the FPI-6 items or the FPI-6 total")
    public boolean isMeasured() {
        return fpiItems != null || fpiTotal != null;
    }

    @Schema(hidden = true)
    @AssertTrue(message = "the FPI-6 total must equal the sum of the items")
    public boolean isConsistent() {
        if (fpiItems == null || fpiTotal == null || fpiItems.contains(null)) {
            return true;
        }
        return fpiItems.stream().mapToInt(Integer::intValue).sum() == fpiTotal;
    }
}
