package dev.footwork.assessment.application;

import java.math.BigDecimal;

/**
 * How the patient runs, for the clinician's context: stored and shown with the assessment, never
 * published.
 *
 * @param weeklyDistanceKm average weekly running distance in km, or null
 * @param shoeType the kind of shoe usually worn, or null
 */
public record RunningContext(BigDecimal weeklyDistanceKm, ShoeType shoeType) {

    /** The kind of running shoe usually worn. */
    public enum ShoeType {
        NEUTRAL,
        STABILITY,
        MOTION_CONTROL,
        MINIMALIST,
        MAXIMALIST,
        TRAIL,
        OTHER
    }
}
