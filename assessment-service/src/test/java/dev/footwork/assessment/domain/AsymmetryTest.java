package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static dev.footwork.assessment.domain.FootBuilder.right;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsymmetryTest {

    private final FootPostureClassifier classifier = new FootPostureClassifier(RuleSets.SHIPPED);

    @ParameterizedTest(name = "FPI-6 L {0} R {1}: asymmetric {2}")
    @CsvSource({
        "0, 4, false",
        "0, 5, true",
        "4, 0, false",
        "5, 0, true",
        "8, 4, false",
        "-2, 2, false",
        "-3, 2, true",
        "6, 6, false",
        "-12, 12, true"
    })
    void withFpiOnBothFeetTheDifferenceMustExceedTheLimit(int left, int right, boolean expected) {
        List<FootClassification> feet =
                List.of(
                        classifier.classify(left().fpi(left).build()),
                        classifier.classify(right().fpi(right).build()));

        assertThat(classifier.asymmetric(feet)).isEqualTo(expected);
    }

    @Test
    void withFpiOnBothFeetTheSecondariesDoNotMatter() {
        List<FootClassification> feet =
                List.of(
                        classifier.classify(left().fpi(1).calcanealStance("-3").build()),
                        classifier.classify(right().fpi(3).runningEversion("15").build()));

        assertThat(classifier.asymmetric(feet)).isFalse();
    }

    @Test
    void withoutFpiOnBothFeetOppositeSidesAreAsymmetric() {
        assertThat(
                        classifier.asymmetric(
                                List.of(
                                        classifier.classify(left().fpi(7).build()),
                                        classifier.classify(
                                                right().calcanealStance("-1").build()))))
                .isTrue();
        assertThat(
                        classifier.asymmetric(
                                List.of(
                                        classifier.classify(left().runningEversion("2").build()),
                                        classifier.classify(right().navicularDrop("16").build()))))
                .isTrue();
    }

    @Test
    void withoutFpiOnBothFeetNeutralAgainstOneSideIsNotAsymmetric() {
        assertThat(
                        classifier.asymmetric(
                                List.of(
                                        classifier.classify(left().fpi(0).build()),
                                        classifier.classify(right().navicularDrop("12").build()))))
                .isFalse();
        assertThat(
                        classifier.asymmetric(
                                List.of(
                                        classifier.classify(left().calcanealStance("4").build()),
                                        classifier.classify(
                                                right().calcanealStance("-2").build()))))
                .isFalse();
    }

    @Test
    void withoutFpiOnBothFeetTheSameSideIsNotAsymmetric() {
        assertThat(
                        classifier.asymmetric(
                                List.of(
                                        classifier.classify(left().navicularDrop("11").build()),
                                        classifier.classify(right().fpi(12).build()))))
                .isFalse();
    }

    @Test
    void theLimitComesFromTheRuleSet() {
        FootPostureClassifier strict =
                new FootPostureClassifier(RuleSets.withFpi(new RuleSet.FpiBands(-5, -1, 5, 9, 2)));
        List<FootClassification> feet =
                List.of(
                        strict.classify(left().fpi(0).build()),
                        strict.classify(right().fpi(3).build()));

        assertThat(strict.asymmetric(feet)).isTrue();
        assertThat(classifier.asymmetric(feet)).isFalse();
    }

    @Test
    void anythingButOneLeftAndOneRightFootIsNotAsymmetric() {
        FootClassification pronated = classifier.classify(left().fpi(12).build());
        FootClassification supinated = classifier.classify(left().fpi(-12).build());

        assertThat(classifier.asymmetric(List.of())).isFalse();
        assertThat(classifier.asymmetric(List.of(pronated))).isFalse();
        assertThat(classifier.asymmetric(List.of(pronated, supinated))).isFalse();
    }
}
