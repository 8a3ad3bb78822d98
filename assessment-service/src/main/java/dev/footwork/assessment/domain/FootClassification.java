package dev.footwork.assessment.domain;

import dev.footwork.contracts.events.PostureLevel;
import dev.footwork.contracts.events.Side;
import java.util.List;

/**
 * The classifier's verdict on one foot.
 *
 * @param decidedBy the measures that decided the level
 * @param explanation one sentence per measure read: its value, its vote and the threshold used
 */
public record FootClassification(
        Side side,
        Integer fpiTotal,
        PostureLevel level,
        double confidence,
        List<String> decidedBy,
        List<String> explanation) {}
