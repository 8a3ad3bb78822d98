package dev.footwork.assessment.domain;

import dev.footwork.contracts.events.PostureLevel;
import java.util.List;

/**
 * Classifies one foot into five posture levels from its Foot Posture Index (FPI-6) total, using the
 * bands of a {@link RuleSet}.
 */
public final class FootPostureClassifier {

    private final RuleSet rules;

    public FootPostureClassifier(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public FootClassification classify(FootInput foot) {
        Integer total = foot.effectiveFpiTotal();
        if (total == null) {
            throw new IllegalArgumentException(foot.side() + " foot has no FPI-6 measure");
        }
        PostureLevel level = levelOf(total);
        String explanation =
                "FPI-6 total %+d lies in the %s band (%s, rule set %s)"
                        .formatted(total, label(level), bandOf(level), rules.version());
        return new FootClassification(
                foot.side(),
                total,
                level,
                rules.fpiConfidence(),
                List.of("fpi6"),
                List.of(explanation));
    }

    /** Whether two feet differ by more than the rule set's FPI-6 asymmetry threshold. */
    public boolean asymmetric(List<FootClassification> feet) {
        if (feet.size() != 2 || feet.get(0).fpiTotal() == null || feet.get(1).fpiTotal() == null) {
            return false;
        }
        return Math.abs(feet.get(0).fpiTotal() - feet.get(1).fpiTotal())
                > rules.fpiAsymmetryPoints();
    }

    private PostureLevel levelOf(int total) {
        if (total <= rules.fpiHighlySupinatedMax()) {
            return PostureLevel.HIGHLY_SUPINATED;
        }
        if (total <= rules.fpiSupinatedMax()) {
            return PostureLevel.SUPINATED;
        }
        if (total <= rules.fpiNeutralMax()) {
            return PostureLevel.NEUTRAL;
        }
        if (total <= rules.fpiPronatedMax()) {
            return PostureLevel.PRONATED;
        }
        return PostureLevel.HIGHLY_PRONATED;
    }

    private String bandOf(PostureLevel level) {
        return switch (level) {
            case HIGHLY_SUPINATED -> "%+d or lower".formatted(rules.fpiHighlySupinatedMax());
            case SUPINATED ->
                    "%+d to %+d"
                            .formatted(rules.fpiHighlySupinatedMax() + 1, rules.fpiSupinatedMax());
            case NEUTRAL ->
                    "%+d to %+d".formatted(rules.fpiSupinatedMax() + 1, rules.fpiNeutralMax());
            case PRONATED ->
                    "%+d to %+d".formatted(rules.fpiNeutralMax() + 1, rules.fpiPronatedMax());
            case HIGHLY_PRONATED -> "%+d or higher".formatted(rules.fpiPronatedMax() + 1);
        };
    }

    private static String label(PostureLevel level) {
        return level.name().toLowerCase().replace('_', ' ');
    }
}
