package dev.footwork.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The thresholds, weights and confidence settings a classification is made with. Loaded from a
 * versioned JSON file; every result records {@link #version()} so that it can be explained later,
 * even after the rules change. A rule set checks itself when built and refuses to exist with limits
 * out of order or weights outside (0, 1].
 *
 * @param fpi the FPI-6 bands (primary measure) and the left-right asymmetry limit
 * @param navicularDrop limits in millimetres
 * @param calcanealStance limits in degrees, positive when everted
 * @param runningEversion limits for peak rearfoot eversion while running, in degrees
 * @param confidence how sure a result is said to be
 * @param sources where each threshold and weight comes from
 */
public record RuleSet(
        String version,
        FpiBands fpi,
        Limits navicularDrop,
        Limits calcanealStance,
        Limits runningEversion,
        Confidence confidence,
        List<String> sources) {

    /**
     * The five FPI-6 bands, each given by its highest total; above {@code pronatedMax} is highly
     * pronated.
     *
     * @param asymmetryPoints a left-right FPI-6 difference above this is flagged
     */
    public record FpiBands(
            int highlySupinatedMax,
            int supinatedMax,
            int neutralMax,
            int pronatedMax,
            int asymmetryPoints) {}

    /**
     * The limits of one secondary measure. A value below {@code supinatedBelow} votes supinated
     * (highly supinated below {@code highlySupinatedBelow}, when set); above {@code pronatedAbove}
     * it votes pronated (highly pronated above {@code highlyPronatedAbove}, when set); the limits
     * themselves and everything between vote neutral.
     *
     * @param highlySupinatedBelow optional
     * @param highlyPronatedAbove optional
     * @param weight how much the measure's vote counts, in (0, 1]; its reliability
     */
    public record Limits(
            BigDecimal highlySupinatedBelow,
            BigDecimal supinatedBelow,
            BigDecimal pronatedAbove,
            BigDecimal highlyPronatedAbove,
            double weight) {}

    /**
     * How confidence is worked out.
     *
     * @param fpiStart confidence of a result decided by FPI-6 with no secondary measure
     * @param fpiDisagreementPenalty subtracted for each secondary measure pointing in a different
     *     direction than FPI-6
     * @param fpiAgreementBonus added for each secondary measure pointing the same way as FPI-6 (may
     *     be 0)
     * @param fpiCap the most an FPI-6 result can reach
     * @param fpiFloor the least an FPI-6 result can fall to
     * @param secondaryOnlyCap the confidence of a result without FPI-6 when every secondary measure
     *     of the rule set was read and agrees; scaled down by the share of weight that agrees
     */
    public record Confidence(
            double fpiStart,
            double fpiDisagreementPenalty,
            double fpiAgreementBonus,
            double fpiCap,
            double fpiFloor,
            double secondaryOnlyCap) {}

    public RuleSet {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("version is missing");
        }
        checkFpi(fpi, problems);
        checkLimits("navicularDrop", navicularDrop, problems);
        checkLimits("calcanealStance", calcanealStance, problems);
        checkLimits("runningEversion", runningEversion, problems);
        checkConfidence(confidence, problems);
        if (sources == null || sources.isEmpty()) {
            problems.add("sources are missing");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "rule set " + version + " is invalid: " + String.join("; ", problems));
        }
        sources = List.copyOf(sources);
    }

    private static void checkFpi(FpiBands fpi, List<String> problems) {
        if (fpi == null) {
            problems.add("fpi is missing");
            return;
        }
        if (!(fpi.highlySupinatedMax() < fpi.supinatedMax()
                && fpi.supinatedMax() < fpi.neutralMax()
                && fpi.neutralMax() < fpi.pronatedMax())) {
            problems.add(
                    "fpi band limits must increase (highlySupinatedMax < supinatedMax <"
                            + " neutralMax < pronatedMax)");
        }
        if (fpi.asymmetryPoints() < 0) {
            problems.add("fpi.asymmetryPoints must not be negative");
        }
    }

    private static void checkLimits(String name, Limits limits, List<String> problems) {
        if (limits == null) {
            problems.add(name + " is missing");
            return;
        }
        if (limits.supinatedBelow() == null || limits.pronatedAbove() == null) {
            problems.add(name + " needs supinatedBelow and pronatedAbove");
        } else {
            List<BigDecimal> present =
                    Stream.of(
                                    limits.highlySupinatedBelow(),
                                    limits.supinatedBelow(),
                                    limits.pronatedAbove(),
                                    limits.highlyPronatedAbove())
                            .filter(Objects::nonNull)
                            .toList();
            for (int i = 1; i < present.size(); i++) {
                if (present.get(i - 1).compareTo(present.get(i)) >= 0) {
                    problems.add(
                            name
                                    + " limits must increase (highlySupinatedBelow <"
                                    + " supinatedBelow < pronatedAbove < highlyPronatedAbove)");
                    break;
                }
            }
        }
        checkFraction(name + ".weight", limits.weight(), problems);
    }

    private static void checkConfidence(Confidence confidence, List<String> problems) {
        if (confidence == null) {
            problems.add("confidence is missing");
            return;
        }
        checkFraction("confidence.fpiStart", confidence.fpiStart(), problems);
        checkFraction(
                "confidence.fpiDisagreementPenalty", confidence.fpiDisagreementPenalty(), problems);
        checkFraction("confidence.fpiCap", confidence.fpiCap(), problems);
        checkFraction("confidence.fpiFloor", confidence.fpiFloor(), problems);
        checkFraction("confidence.secondaryOnlyCap", confidence.secondaryOnlyCap(), problems);
        if (!(confidence.fpiAgreementBonus() >= 0 && confidence.fpiAgreementBonus() <= 1)) {
            problems.add("confidence.fpiAgreementBonus must be in [0, 1]");
        }
        if (!(confidence.fpiFloor() <= confidence.fpiStart()
                && confidence.fpiStart() <= confidence.fpiCap())) {
            problems.add("confidence must satisfy fpiFloor <= fpiStart <= fpiCap");
        }
        if (confidence.secondaryOnlyCap() > confidence.fpiStart()) {
            problems.add(
                    "confidence.secondaryOnlyCap must not exceed fpiStart: a result without"
                            + " FPI-6 is never surer than one with it");
        }
    }

    private static void checkFraction(String name, double value, List<String> problems) {
        if (!(value > 0 && value <= 1)) {
            problems.add(name + " must be in (0, 1]");
        }
    }
}
