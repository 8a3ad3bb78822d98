package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.PostureLevel;
import java.math.BigDecimal;

/**
 * What one measure contributed to a classification, so that a clinician can retrace the result.
 *
 * @param measure the measure id: {@code fpi6}, {@code navicular-drop}, {@code calcaneal-stance},
 *     {@code running-eversion} or {@code arch-height-index}
 * @param value the value read: the FPI-6 total, millimetres, degrees or the arch height ratio
 * @param vote the level this measure points to on its own, or null for a measure that is only
 *     stored (arch height index)
 * @param threshold the band or limit of the rule set that applied, in words
 * @param decisive whether this measure is among those that decided the level
 */
public record Evidence(
        String measure, BigDecimal value, PostureLevel vote, String threshold, boolean decisive) {}
