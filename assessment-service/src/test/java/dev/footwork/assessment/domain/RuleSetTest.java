package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.vocabulary.PostureLevel;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSetTest {

    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final RuleSet SHIPPED = RuleSets.SHIPPED;

    @Test
    void theShippedRuleFileLoadsWithAPlainMapper() throws Exception {
        RuleSet rules;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleSets.RESOURCE)) {
            rules = MAPPER.readValue(in, RuleSet.class);
        }

        assertThat(rules.version()).isEqualTo("posture-2026.1");
        assertThat(rules.fpi()).isEqualTo(new RuleSet.FpiBands(-5, -1, 5, 9, 4));
        assertThat(rules.navicularDrop().pronatedAbove()).isEqualByComparingTo("10");
        assertThat(rules.calcanealStance().pronatedAbove()).isEqualByComparingTo("8.8");
        assertThat(rules.runningEversion().supinatedBelow()).isEqualByComparingTo("4");
        assertThat(rules.sources())
                .anySatisfy(s -> assertThat(s).startsWith("fpi bands").contains("Redmond"))
                .anySatisfy(s -> assertThat(s).contains("Lausch 2013"))
                .anySatisfy(s -> assertThat(s).startsWith("navicularDrop").contains("Nielsen"))
                .anySatisfy(s -> assertThat(s).startsWith("calcanealStance").contains("Sobel"))
                .anySatisfy(s -> assertThat(s).startsWith("runningEversion"));

        FootClassification sample =
                new FootPostureClassifier(rules)
                        .classify(
                                left().fpi(7)
                                        .navicularDrop("11.5")
                                        .archHeightIndex("0.29")
                                        .build());

        assertThat(sample.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(sample.confidence()).isEqualTo(0.92);
        assertThat(sample.explanation()).last().asString().contains("posture-2026.1");
    }

    @Test
    void theRuleSetSurvivesAJsonRoundTripWithNothingAdded() throws Exception {
        String json = MAPPER.writeValueAsString(SHIPPED);
        JsonNode tree = MAPPER.readTree(json);

        assertThat(MAPPER.readValue(json, RuleSet.class)).isEqualTo(SHIPPED);
        assertThat(tree.fieldNames())
                .toIterable()
                .containsExactly(
                        "version",
                        "fpi",
                        "navicularDrop",
                        "calcanealStance",
                        "runningEversion",
                        "confidence",
                        "sources");
    }

    @Test
    void aBrokenRuleFileFailsToLoadNamingTheProblem() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.valueToTree(SHIPPED);
        ((ObjectNode) tree.get("navicularDrop")).put("weight", 0);
        ((ObjectNode) tree.get("runningEversion")).remove("pronatedAbove");

        assertThatThrownBy(() -> MAPPER.treeToValue(tree, RuleSet.class))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posture-2026.1")
                .hasMessageContaining("navicularDrop.weight must be in (0, 1]")
                .hasMessageContaining("runningEversion needs supinatedBelow and pronatedAbove");
    }

    @ParameterizedTest(name = "FPI bands {0} {1} {2} {3}")
    @CsvSource({"-1, -5, 5, 9", "-5, -5, 5, 9", "-5, 5, -1, 9", "-5, -1, 9, 5", "-5, -1, 5, 5"})
    void fpiBandLimitsMustIncrease(int highlySupinated, int supinated, int neutral, int pronated) {
        assertThatThrownBy(
                        () ->
                                RuleSets.withFpi(
                                        new RuleSet.FpiBands(
                                                highlySupinated, supinated, neutral, pronated, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fpi band limits must increase");
    }

    @Test
    void theAsymmetryLimitMustNotBeNegative() {
        assertThatThrownBy(() -> RuleSets.withFpi(new RuleSet.FpiBands(-5, -1, 5, 9, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asymmetryPoints");
    }

    static Stream<Arguments> limitsOutOfOrder() {
        return Stream.of(
                Arguments.of(limits(null, "10", "4", null)),
                Arguments.of(limits(null, "4", "4", null)),
                Arguments.of(limits(null, "4", "10", "10")),
                Arguments.of(limits(null, "4", "10", "9")),
                Arguments.of(limits("4", "4", "10", null)),
                Arguments.of(limits("5", "4", "10", "15")));
    }

    @ParameterizedTest
    @MethodSource("limitsOutOfOrder")
    void secondaryLimitsMustIncreaseForEveryMeasure(RuleSet.Limits limits) {
        assertThatThrownBy(() -> RuleSets.withNavicularDrop(limits))
                .hasMessageContaining("navicularDrop limits must increase");
        assertThatThrownBy(() -> RuleSets.withCalcanealStance(limits))
                .hasMessageContaining("calcanealStance limits must increase");
        assertThatThrownBy(() -> RuleSets.withRunningEversion(limits))
                .hasMessageContaining("runningEversion limits must increase");
    }

    @Test
    void theHighlyLimitsAreOptionalButTheNeutralBandIsNot() {
        assertThatCode(() -> RuleSets.withNavicularDrop(limits("1", "4", "10", "15")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RuleSets.withNavicularDrop(limits(null, "4", "10", null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RuleSets.withNavicularDrop(limits(null, null, "10", null)))
                .hasMessageContaining("navicularDrop needs supinatedBelow and pronatedAbove");
        assertThatThrownBy(() -> RuleSets.withNavicularDrop(limits(null, "4", null, null)))
                .hasMessageContaining("navicularDrop needs supinatedBelow and pronatedAbove");
    }

    @ParameterizedTest(name = "weight {0}")
    @CsvSource({"0", "-0.4", "1.01", "NaN"})
    void weightsMustBeAFractionAboveZero(double weight) {
        assertThatThrownBy(
                        () ->
                                RuleSets.withCalcanealStance(
                                        new RuleSet.Limits(
                                                null,
                                                BigDecimal.ZERO,
                                                BigDecimal.TEN,
                                                null,
                                                weight)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calcanealStance.weight must be in (0, 1]");
    }

    @Test
    void aWeightOfOneIsAllowed() {
        assertThatCode(
                        () ->
                                RuleSets.withCalcanealStance(
                                        new RuleSet.Limits(
                                                null, BigDecimal.ZERO, BigDecimal.TEN, null, 1)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource({
        "0, 0.2, 0.02, 0.95, 0.3, 0.7, confidence.fpiStart must be in (0, 1]",
        "1.1, 0.2, 0.02, 0.95, 0.3, 0.7, confidence.fpiStart must be in (0, 1]",
        "0.9, 0, 0.02, 0.95, 0.3, 0.7, confidence.fpiDisagreementPenalty must be in (0, 1]",
        "0.9, 0.2, -0.01, 0.95, 0.3, 0.7, confidence.fpiAgreementBonus must be in [0, 1]",
        "0.9, 0.2, 0.02, 1.5, 0.3, 0.7, confidence.fpiCap must be in (0, 1]",
        "0.9, 0.2, 0.02, 0.95, 0, 0.7, confidence.fpiFloor must be in (0, 1]",
        "0.9, 0.2, 0.02, 0.95, 0.3, 0, confidence.secondaryOnlyCap must be in (0, 1]",
        "0.9, 0.2, 0.02, 0.85, 0.3, 0.7, fpiFloor <= fpiStart <= fpiCap",
        "0.2, 0.2, 0.02, 0.95, 0.3, 0.2, fpiFloor <= fpiStart <= fpiCap",
        "0.6, 0.2, 0.02, 0.95, 0.3, 0.7, secondaryOnlyCap must not exceed fpiStart"
    })
    void confidenceSettingsAreChecked(
            double start,
            double penalty,
            double bonus,
            double cap,
            double floor,
            double secondaryOnlyCap,
            String problem) {
        assertThatThrownBy(
                        () ->
                                RuleSets.withConfidence(
                                        new RuleSet.Confidence(
                                                start,
                                                penalty,
                                                bonus,
                                                cap,
                                                floor,
                                                secondaryOnlyCap)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void aBonusOfZeroAndACapOfOneAreAllowed() {
        assertThatCode(
                        () ->
                                RuleSets.withConfidence(
                                        new RuleSet.Confidence(0.9, 0.2, 0, 1, 0.3, 0.7)))
                .doesNotThrowAnyException();
    }

    @Test
    void versionSectionsAndSourcesAreRequired() {
        assertThatThrownBy(
                        () ->
                                new RuleSet(
                                        " ",
                                        SHIPPED.fpi(),
                                        SHIPPED.navicularDrop(),
                                        SHIPPED.calcanealStance(),
                                        SHIPPED.runningEversion(),
                                        SHIPPED.confidence(),
                                        SHIPPED.sources()))
                .hasMessageContaining("version is missing");
        assertThatThrownBy(() -> new RuleSet("x", null, null, null, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fpi is missing")
                .hasMessageContaining("navicularDrop is missing")
                .hasMessageContaining("calcanealStance is missing")
                .hasMessageContaining("runningEversion is missing")
                .hasMessageContaining("confidence is missing")
                .hasMessageContaining("sources are missing");
    }

    @Test
    void theSourcesCannotBeChangedAfterwards() {
        assertThatThrownBy(() -> SHIPPED.sources().add("anything"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static RuleSet.Limits limits(
            String highlySupinated, String supinated, String pronated, String highlyPronated) {
        return new RuleSet.Limits(
                decimal(highlySupinated),
                decimal(supinated),
                decimal(pronated),
                decimal(highlyPronated),
                0.5);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
