package dev.footwork.assessment.domain;

import dev.footwork.contracts.events.Side;
import java.util.List;

/**
 * The measures of one foot that the classifier reads.
 *
 * @param fpiItems the six FPI-6 item scores, or null
 * @param fpiTotal the FPI-6 total, or null; when both are given they must agree
 */
public record FootInput(Side side, List<Integer> fpiItems, Integer fpiTotal) {

    /** The FPI-6 total from the items when present, else the given total, else null. */
    public Integer effectiveFpiTotal() {
        if (fpiItems != null) {
            return fpiItems.stream().mapToInt(Integer::intValue).sum();
        }
        return fpiTotal;
    }
}
