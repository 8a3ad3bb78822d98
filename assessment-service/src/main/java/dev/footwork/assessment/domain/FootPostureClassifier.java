package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.PostureLevel.Posture;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Classifies one foot into five posture levels with the thresholds of a {@link RuleSet}.
 *
 * <p>FPI-6, the most reliable measure, decides alone when present; the secondary measures
 * (navicular drop, calcaneal stance, running eversion) then only raise or lower the confidence.
 * Without FPI-6 the secondary measures vote by weight. The arch height index is recorded as
 * evidence but never votes. Every result names the measures that decided it and explains each
 * measure read.
 */
public final class FootPostureClassifier {

    private static final String FPI = "fpi6";
    private static final String ARCH_HEIGHT_INDEX = "arch-height-index";

    private final RuleSet rules;
    private final List<Secondary> secondaries;
    private final BigDecimal secondaryWeight;

    public FootPostureClassifier(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.secondaries =
                List.of(
                        new Secondary(
                                "navicular-drop",
                                "Navicular drop",
                                " mm",
                                rules.navicularDrop(),
                                FootInput::navicularDropMm),
                        new Secondary(
                                "calcaneal-stance",
                                "Resting calcaneal stance",
                                "°",
                                rules.calcanealStance(),
                                FootInput::calcanealStanceDegrees),
                        new Secondary(
                                "running-eversion",
                                "Peak rearfoot eversion while running",
                                "°",
                                rules.runningEversion(),
                                FootInput::peakRearfootEversionDegrees));
        this.secondaryWeight =
                secondaries.stream()
                        .map(Secondary::weight)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The rule set this classifier applies; its version goes with every result. */
    public RuleSet rules() {
        return rules;
    }

    /**
     * Classifies one foot.
     *
     * @throws IllegalArgumentException when the foot has neither FPI-6 nor a secondary measure
     */
    public FootClassification classify(FootInput foot) {
        if (!foot.hasClassifyingMeasure()) {
            throw new IllegalArgumentException(
                    foot.side()
                            + " foot has no classifying measure: FPI-6, navicular drop, calcaneal"
                            + " stance or running eversion is needed (the arch height index alone"
                            + " is not enough)");
        }
        List<Vote> votes = new ArrayList<>();
        for (Secondary secondary : secondaries) {
            BigDecimal value = secondary.reading().apply(foot);
            if (value != null) {
                votes.add(secondary.vote(value));
            }
        }
        Integer fpi = foot.effectiveFpiTotal();
        Verdict verdict = fpi != null ? byFpi(fpi, votes) : bySecondaries(votes);

        BigDecimal archHeightIndex = foot.archHeightIndex();
        if (archHeightIndex != null) {
            verdict.evidence.add(
                    new Evidence(
                            ARCH_HEIGHT_INDEX,
                            archHeightIndex,
                            null,
                            "none: no agreed cut-offs",
                            false));
            verdict.measureSentences.add(
                    ("Arch height index %s is stored only: it has no agreed cut-offs and does"
                                    + " not vote.")
                            .formatted(archHeightIndex.toPlainString()));
        }
        List<String> explanation = new ArrayList<>(verdict.measureSentences);
        if (verdict.disagreement != null) {
            explanation.add(verdict.disagreement);
        }
        explanation.add(
                "Result: %s with confidence %s, by rule set %s."
                        .formatted(
                                label(verdict.level),
                                verdict.confidence.toPlainString(),
                                rules.version()));
        return new FootClassification(
                foot.side(),
                fpi,
                verdict.level,
                verdict.confidence.doubleValue(),
                verdict.decidedBy,
                verdict.evidence,
                explanation);
    }

    /**
     * Whether a left and a right foot differ enough to flag. With FPI-6 on both feet: a difference
     * of more than the rule set's asymmetry points. Otherwise: one foot on the pronated side and
     * the other on the supinated side. Anything but one left and one right foot is not asymmetric.
     */
    public boolean asymmetric(List<FootClassification> feet) {
        if (feet.size() != 2 || feet.get(0).side() == feet.get(1).side()) {
            return false;
        }
        FootClassification one = feet.get(0);
        FootClassification other = feet.get(1);
        if (one.fpiTotal() != null && other.fpiTotal() != null) {
            return Math.abs(one.fpiTotal() - other.fpiTotal()) > rules.fpi().asymmetryPoints();
        }
        Posture a = one.level().posture();
        Posture b = other.level().posture();
        return (a == Posture.PRONATED && b == Posture.SUPINATED)
                || (a == Posture.SUPINATED && b == Posture.PRONATED);
    }

    private Verdict byFpi(int total, List<Vote> votes) {
        PostureLevel level = fpiLevel(total);
        Verdict verdict = new Verdict(level, List.of(FPI));
        verdict.evidence.add(
                new Evidence(FPI, BigDecimal.valueOf(total), level, fpiBand(level), true));
        verdict.measureSentences.add(
                "FPI-6 total %s is in the %s band (%s) and decides the level on its own."
                        .formatted(signed(total), label(level), fpiBand(level)));

        List<String> disagreeing = new ArrayList<>();
        int agreeing = 0;
        for (Vote vote : votes) {
            boolean agrees = vote.direction() == level.posture();
            if (agrees) {
                agreeing++;
            } else {
                disagreeing.add(
                        vote.measure().name().toLowerCase(Locale.ROOT)
                                + " ("
                                + label(vote.level())
                                + ")");
            }
            verdict.evidence.add(vote.evidence(false));
            verdict.measureSentences.add(
                    vote.sentence(
                            agrees
                                    ? "it agrees with FPI-6, which decides"
                                    : "it points another way than FPI-6, which decides"));
        }

        RuleSet.Confidence settings = rules.confidence();
        BigDecimal confidence =
                BigDecimal.valueOf(settings.fpiStart())
                        .add(
                                BigDecimal.valueOf(settings.fpiAgreementBonus())
                                        .multiply(BigDecimal.valueOf(agreeing)))
                        .subtract(
                                BigDecimal.valueOf(settings.fpiDisagreementPenalty())
                                        .multiply(BigDecimal.valueOf(disagreeing.size())))
                        .max(BigDecimal.valueOf(settings.fpiFloor()))
                        .min(BigDecimal.valueOf(settings.fpiCap()));
        verdict.confidence = rounded(confidence);
        if (!disagreeing.isEmpty()) {
            verdict.disagreement =
                    ("The measures disagree: %s against FPI-6 (%s); FPI-6 still decides, and each"
                                    + " disagreeing measure lowers the confidence by %s.")
                            .formatted(
                                    String.join(", ", disagreeing),
                                    label(level),
                                    plain(settings.fpiDisagreementPenalty()));
        }
        return verdict;
    }

    private Verdict bySecondaries(List<Vote> votes) {
        Map<Posture, BigDecimal> weights = new EnumMap<>(Posture.class);
        for (Posture posture : Posture.values()) {
            weights.put(posture, BigDecimal.ZERO);
        }
        for (Vote vote : votes) {
            weights.merge(vote.direction(), vote.measure().weight(), BigDecimal::add);
        }
        BigDecimal top = weights.values().stream().max(BigDecimal::compareTo).orElseThrow();
        List<Posture> leaders =
                weights.entrySet().stream()
                        .filter(e -> e.getValue().compareTo(top) == 0)
                        .map(Map.Entry::getKey)
                        .toList();
        boolean tie = leaders.size() > 1;
        Posture direction = tie ? Posture.NEUTRAL : leaders.get(0);
        PostureLevel level = secondaryLevel(direction, votes);
        List<Vote> deciding =
                tie ? votes : votes.stream().filter(v -> v.direction() == direction).toList();

        Verdict verdict = new Verdict(level, deciding.stream().map(v -> v.measure().id()).toList());
        for (Vote vote : votes) {
            boolean decisive = deciding.contains(vote);
            String role;
            if (tie) {
                role = "the measures are tied, so it decided together with the others";
            } else if (decisive) {
                role = "it decided the level";
            } else {
                role = "it was outvoted";
            }
            verdict.evidence.add(vote.evidence(decisive));
            verdict.measureSentences.add(
                    vote.sentence("weight " + plain(vote.measure().weight()) + ", " + role));
        }

        BigDecimal agreeing = weights.get(direction);
        verdict.confidence =
                rounded(
                        BigDecimal.valueOf(rules.confidence().secondaryOnlyCap())
                                .multiply(agreeing)
                                .divide(secondaryWeight, MathContext.DECIMAL64));
        String byWeight =
                "supinated side %s, neutral %s, pronated side %s by weight"
                        .formatted(
                                weights.get(Posture.SUPINATED).toPlainString(),
                                weights.get(Posture.NEUTRAL).toPlainString(),
                                weights.get(Posture.PRONATED).toPlainString());
        if (tie) {
            verdict.disagreement =
                    ("The measures disagree and no direction outweighs the others (%s), so the"
                                    + " foot is called neutral with low confidence.")
                            .formatted(byWeight);
        } else if (deciding.size() < votes.size()) {
            verdict.disagreement =
                    ("The measures disagree: the %s votes outweigh the others (%s); the"
                                    + " outvoted measures lower the confidence.")
                            .formatted(direction.name().toLowerCase(Locale.ROOT), byWeight);
        }
        return verdict;
    }

    /**
     * The winning side's level is the highly one only when the votes for it outweigh the votes for
     * the milder level on that side.
     */
    private static PostureLevel secondaryLevel(Posture direction, List<Vote> votes) {
        if (direction == Posture.NEUTRAL) {
            return PostureLevel.NEUTRAL;
        }
        BigDecimal highly = BigDecimal.ZERO;
        BigDecimal mild = BigDecimal.ZERO;
        for (Vote vote : votes) {
            if (vote.direction() == direction) {
                if (vote.level().severity() == PostureLevel.Severity.MARKED) {
                    highly = highly.add(vote.measure().weight());
                } else {
                    mild = mild.add(vote.measure().weight());
                }
            }
        }
        boolean marked = highly.compareTo(mild) > 0;
        if (direction == Posture.PRONATED) {
            return marked ? PostureLevel.HIGHLY_PRONATED : PostureLevel.PRONATED;
        }
        return marked ? PostureLevel.HIGHLY_SUPINATED : PostureLevel.SUPINATED;
    }

    private PostureLevel fpiLevel(int total) {
        RuleSet.FpiBands bands = rules.fpi();
        if (total <= bands.highlySupinatedMax()) {
            return PostureLevel.HIGHLY_SUPINATED;
        }
        if (total <= bands.supinatedMax()) {
            return PostureLevel.SUPINATED;
        }
        if (total <= bands.neutralMax()) {
            return PostureLevel.NEUTRAL;
        }
        if (total <= bands.pronatedMax()) {
            return PostureLevel.PRONATED;
        }
        return PostureLevel.HIGHLY_PRONATED;
    }

    private String fpiBand(PostureLevel level) {
        RuleSet.FpiBands bands = rules.fpi();
        return switch (level) {
            case HIGHLY_SUPINATED -> signed(bands.highlySupinatedMax()) + " or lower";
            case SUPINATED ->
                    signed(bands.highlySupinatedMax() + 1) + " to " + signed(bands.supinatedMax());
            case NEUTRAL -> signed(bands.supinatedMax() + 1) + " to " + signed(bands.neutralMax());
            case PRONATED -> signed(bands.neutralMax() + 1) + " to " + signed(bands.pronatedMax());
            case HIGHLY_PRONATED -> signed(bands.pronatedMax() + 1) + " or higher";
        };
    }

    private static String signed(int number) {
        return number > 0 ? "+" + number : Integer.toString(number);
    }

    private static BigDecimal rounded(BigDecimal confidence) {
        return confidence.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String label(PostureLevel level) {
        return level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A secondary measure: how to read it from a foot and the limits it is judged by. */
    private record Secondary(
            String id,
            String name,
            String unit,
            RuleSet.Limits limits,
            Function<FootInput, BigDecimal> reading) {

        BigDecimal weight() {
            return BigDecimal.valueOf(limits.weight());
        }

        Vote vote(BigDecimal value) {
            BigDecimal highlySupinated = limits.highlySupinatedBelow();
            BigDecimal highlyPronated = limits.highlyPronatedAbove();
            PostureLevel level;
            if (highlySupinated != null && value.compareTo(highlySupinated) < 0) {
                level = PostureLevel.HIGHLY_SUPINATED;
            } else if (value.compareTo(limits.supinatedBelow()) < 0) {
                level = PostureLevel.SUPINATED;
            } else if (highlyPronated != null && value.compareTo(highlyPronated) > 0) {
                level = PostureLevel.HIGHLY_PRONATED;
            } else if (value.compareTo(limits.pronatedAbove()) > 0) {
                level = PostureLevel.PRONATED;
            } else {
                level = PostureLevel.NEUTRAL;
            }
            return new Vote(this, value, level, threshold(level));
        }

        private String threshold(PostureLevel level) {
            String supinated = limit(limits.supinatedBelow());
            String pronated = limit(limits.pronatedAbove());
            return switch (level) {
                case HIGHLY_SUPINATED -> "under " + limit(limits.highlySupinatedBelow());
                case SUPINATED ->
                        limits.highlySupinatedBelow() == null
                                ? "under " + supinated
                                : limit(limits.highlySupinatedBelow()) + " to under " + supinated;
                case NEUTRAL -> supinated + " to " + pronated;
                case PRONATED ->
                        limits.highlyPronatedAbove() == null
                                ? "over " + pronated
                                : "over "
                                        + pronated
                                        + " up to "
                                        + limit(limits.highlyPronatedAbove());
                case HIGHLY_PRONATED -> "over " + limit(limits.highlyPronatedAbove());
            };
        }

        String amount(BigDecimal value) {
            return value.toPlainString() + unit;
        }

        private String limit(BigDecimal value) {
            return plain(value) + unit;
        }
    }

    /** What one secondary measure says on its own. */
    private record Vote(Secondary measure, BigDecimal value, PostureLevel level, String threshold) {

        Posture direction() {
            return level.posture();
        }

        Evidence evidence(boolean decisive) {
            return new Evidence(measure.id(), value, level, threshold, decisive);
        }

        String sentence(String role) {
            return "%s %s is in the %s range (%s), so it votes %s; %s."
                    .formatted(
                            measure.name(),
                            measure.amount(value),
                            label(level),
                            threshold,
                            label(level),
                            role);
        }
    }

    /** A result being put together. */
    private static final class Verdict {
        final PostureLevel level;
        final List<String> decidedBy;
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> measureSentences = new ArrayList<>();
        BigDecimal confidence;
        String disagreement;

        Verdict(PostureLevel level, List<String> decidedBy) {
            this.level = level;
            this.decidedBy = decidedBy;
        }
    }
}
