package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.util.List;

/**
 * The classifier's verdict on one foot.
 *
 * @param fpiTotal the FPI-6 total read, or null when the foot had no FPI-6
 * @param confidence 0..1, rounded to two decimals; lower when measures disagree or only weak
 *     measures were available
 * @param decidedBy ids of the measures that decided the level, never empty
 * @param evidence one entry per measure read, in the order fpi6, navicular-drop, calcaneal-stance,
 *     running-eversion, arch-height-index
 * @param explanation sentences a clinician can read: one per measure (value, vote, threshold,
 *     whether it decided), one more when the measures disagree, and a closing one naming the result
 *     and the rule-set version
 */
public record FootClassification(
        Side side,
        Integer fpiTotal,
        PostureLevel level,
        double confidence,
        List<String> decidedBy,
        List<Evidence> evidence,
        List<String> explanation) {

    public FootClassification {
        decidedBy = List.copyOf(decidedBy);
        evidence = List.copyOf(evidence);
        explanation = List.copyOf(explanation);
    }
}
