package dev.footwork.assessment.domain;

import java.util.List;

/**
 * The thresholds a classification is made with. Loaded from a versioned resource file; every result
 * records {@link #version()} so that it can be explained later, even after the rules change.
 *
 * @param fpiHighlySupinatedMax highest FPI-6 total that is highly supinated
 * @param fpiSupinatedMax highest FPI-6 total that is supinated
 * @param fpiNeutralMax highest FPI-6 total that is neutral
 * @param fpiPronatedMax highest FPI-6 total that is pronated; above it is highly pronated
 * @param fpiAsymmetryPoints a left-right FPI-6 difference above this is flagged
 * @param fpiConfidence confidence given to a level decided by FPI-6 alone
 * @param sources where the thresholds come from
 */
public record RuleSet(
        String version,
        int fpiHighlySupinatedMax,
        int fpiSupinatedMax,
        int fpiNeutralMax,
        int fpiPronatedMax,
        int fpiAsymmetryPoints,
        double fpiConfidence,
        List<String> sources) {

    public RuleSet {
        if (!(fpiHighlySupinatedMax < fpiSupinatedMax
                && fpiSupinatedMax < fpiNeutralMax
                && fpiNeutralMax < fpiPronatedMax)) {
            throw new IllegalArgumentException(
                    "rule set " + version + ": FPI-6 band limits must increase");
        }
        if (fpiConfidence <= 0 || fpiConfidence > 1) {
            throw new IllegalArgumentException(
                    "rule set " + version + ": confidence must be in (0, 1]");
        }
        sources = List.copyOf(sources);
    }
}
