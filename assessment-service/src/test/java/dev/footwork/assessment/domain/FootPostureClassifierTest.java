package dev.footwork.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footwork.contracts.events.PostureLevel;
import dev.footwork.contracts.events.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FootPostureClassifierTest {

    private static final RuleSet RULES =
            new RuleSet("test-1", -5, -1, 5, 9, 4, 0.9, List.of("Redmond 2006"));

    private final FootPostureClassifier classifier = new FootPostureClassifier(RULES);

    @ParameterizedTest(name = "FPI-6 {0} is {1}")
    @CsvSource({
        "-12, HIGHLY_SUPINATED",
        "-5, HIGHLY_SUPINATED",
        "-4, SUPINATED",
        "-1, SUPINATED",
        "0, NEUTRAL",
        "5, NEUTRAL",
        "6, PRONATED",
        "9, PRONATED",
        "10, HIGHLY_PRONATED",
        "12, HIGHLY_PRONATED"
    })
    void fpiTotalFallsOnEitherSideOfEachBandLimit(int total, PostureLevel expected) {
        FootClassification result = classifier.classify(new FootInput(Side.LEFT, null, total));

        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.fpiTotal()).isEqualTo(total);
        assertThat(result.decidedBy()).containsExactly("fpi6");
        assertThat(result.confidence()).isEqualTo(0.9);
    }

    @Test
    void itemsAreSummedIntoTheTotal() {
        FootClassification result =
                classifier.classify(new FootInput(Side.RIGHT, List.of(2, 2, 1, 1, 0, 0), null));

        assertThat(result.fpiTotal()).isEqualTo(6);
        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.level().alignment()).isEqualTo(PostureLevel.Alignment.VALGUS);
    }

    @Test
    void explanationNamesValueBandAndRuleSet() {
        FootClassification result = classifier.classify(new FootInput(Side.LEFT, null, -3));

        assertThat(result.explanation())
                .singleElement()
                .asString()
                .contains("-3")
                .contains("supinated")
                .contains("-4 to -1")
                .contains("test-1");
    }

    @Test
    void aFootWithoutFpiIsRefused() {
        assertThatThrownBy(() -> classifier.classify(new FootInput(Side.LEFT, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEFT");
    }

    @ParameterizedTest(name = "L {0} R {1} asymmetric: {2}")
    @CsvSource({"0, 4, false", "0, 5, true", "8, 4, false", "-3, 2, true", "6, 6, false"})
    void asymmetryNeedsMoreThanTheThresholdBetweenFeet(int left, int right, boolean expected) {
        List<FootClassification> feet =
                List.of(
                        classifier.classify(new FootInput(Side.LEFT, null, left)),
                        classifier.classify(new FootInput(Side.RIGHT, null, right)));

        assertThat(classifier.asymmetric(feet)).isEqualTo(expected);
    }

    @Test
    void oneFootIsNeverAsymmetric() {
        assertThat(
                        classifier.asymmetric(
                                List.of(classifier.classify(new FootInput(Side.LEFT, null, 12)))))
                .isFalse();
    }

    @Test
    void bandLimitsMustIncrease() {
        assertThatThrownBy(() -> new RuleSet("bad", -1, -5, 5, 9, 4, 0.9, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
