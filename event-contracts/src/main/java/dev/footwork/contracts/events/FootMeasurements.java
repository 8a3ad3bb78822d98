package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * What was measured on one foot. Every measure is optional, but at least one must be present.
 *
 * @param fpiItems the six Foot Posture Index items, each -2..+2, in manual order
 * @param fpiTotal FPI-6 total -12..+12 when the items are not given
 * @param navicularDropMm navicular drop in millimetres
 * @param calcanealStanceDegrees resting calcaneal stance position, positive = everted
 * @param peakRearfootEversionDegrees peak rearfoot eversion while running
 * @param archHeightIndex arch height index (stored; not classified on alone)
 */
public record FootMeasurements(
        Side side,
        List<Integer> fpiItems,
        Integer fpiTotal,
        BigDecimal navicularDropMm,
        BigDecimal calcanealStanceDegrees,
        BigDecimal peakRearfootEversionDegrees,
        BigDecimal archHeightIndex) {}
