package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.util.List;

/**
 * What a plan is generated from: the posture level of each classified foot, one or both.
 *
 * @param feet in any order; the plan lists them left first
 */
public record Classification(List<Foot> feet) {

    /** One foot and the posture level it was classified at. */
    public record Foot(Side side, PostureLevel level) {}

    public Classification {
        feet = List.copyOf(feet);
    }
}
