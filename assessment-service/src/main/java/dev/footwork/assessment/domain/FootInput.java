package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * The measures of one foot that the classifier reads. Every measure is optional; range checks
 * belong to the callers (REST and messaging), which refuse bad input before it gets here.
 *
 * @param fpiItems the six FPI-6 item scores (each -2..+2), or null
 * @param fpiTotal the FPI-6 total (-12..+12), or null; when both are given they must agree
 * @param navicularDropMm navicular drop in millimetres, or null
 * @param calcanealStanceDegrees resting calcaneal stance position in degrees, positive when everted
 *     (valgus), negative when inverted (varus), or null
 * @param peakRearfootEversionDegrees peak rearfoot eversion while running, in degrees, or null
 * @param archHeightIndex arch height index (a ratio), or null; stored and shown, never classified
 */
public record FootInput(
        Side side,
        List<Integer> fpiItems,
        Integer fpiTotal,
        BigDecimal navicularDropMm,
        BigDecimal calcanealStanceDegrees,
        BigDecimal peakRearfootEversionDegrees,
        BigDecimal archHeightIndex) {

    /** The sum of the FPI-6 items when they are present, else the given total, else null. */
    public Integer effectiveFpiTotal() {
        if (fpiItems != null && !fpiItems.isEmpty()) {
            return fpiItems.stream().mapToInt(Integer::intValue).sum();
        }
        return fpiTotal;
    }

    /**
     * Whether the foot has anything the classifier can decide on: FPI-6 or one of the three
     * secondary measures. The arch height index alone is not enough, as it has no agreed cut-offs.
     */
    public boolean hasClassifyingMeasure() {
        return effectiveFpiTotal() != null
                || navicularDropMm != null
                || calcanealStanceDegrees != null
                || peakRearfootEversionDegrees != null;
    }
}
