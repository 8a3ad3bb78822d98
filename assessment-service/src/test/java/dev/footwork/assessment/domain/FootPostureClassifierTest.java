package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static dev.footwork.assessment.domain.FootBuilder.right;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.PostureLevel.Alignment;
import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each measure on its own, on both sides of every limit of the shipped rule set. */
class FootPostureClassifierTest {

    private final FootPostureClassifier classifier = new FootPostureClassifier(RuleSets.SHIPPED);

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
        FootClassification result = classifier.classify(left().fpi(total).build());

        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.fpiTotal()).isEqualTo(total);
        assertThat(result.decidedBy()).containsExactly("fpi6");
        assertThat(result.confidence()).isEqualTo(0.9);
        assertThat(result.evidence())
                .singleElement()
                .isEqualTo(
                        new Evidence(
                                "fpi6",
                                BigDecimal.valueOf(total),
                                expected,
                                result.evidence().get(0).threshold(),
                                true));
    }

    @ParameterizedTest(name = "FPI-6 {0}: band {1}")
    @CsvSource({
        "-5, -5 or lower",
        "-4, -4 to -1",
        "0, 0 to +5",
        "6, +6 to +9",
        "10, +10 or higher"
    })
    void fpiEvidenceNamesTheBand(int total, String band) {
        assertThat(classifier.classify(left().fpi(total).build()).evidence().get(0).threshold())
                .isEqualTo(band);
    }

    @ParameterizedTest(name = "navicular drop {0} mm is {1}")
    @CsvSource({
        "0, SUPINATED, under 4 mm",
        "3.9, SUPINATED, under 4 mm",
        "3.99, SUPINATED, under 4 mm",
        "4.0, NEUTRAL, 4 mm to 10 mm",
        "10, NEUTRAL, 4 mm to 10 mm",
        "10.0, NEUTRAL, 4 mm to 10 mm",
        "10.1, PRONATED, over 10 mm up to 15 mm",
        "15, PRONATED, over 10 mm up to 15 mm",
        "15.1, HIGHLY_PRONATED, over 15 mm",
        "25, HIGHLY_PRONATED, over 15 mm"
    })
    void navicularDropFallsOnEitherSideOfEachLimit(
            String mm, PostureLevel expected, String threshold) {
        FootClassification result = classifier.classify(left().navicularDrop(mm).build());

        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.fpiTotal()).isNull();
        assertThat(result.decidedBy()).containsExactly("navicular-drop");
        assertThat(result.evidence())
                .containsExactly(
                        new Evidence(
                                "navicular-drop", new BigDecimal(mm), expected, threshold, true));
    }

    @ParameterizedTest(name = "calcaneal stance {0} degrees is {1}")
    @CsvSource({
        "-20, SUPINATED, under 0°",
        "-0.1, SUPINATED, under 0°",
        "0, NEUTRAL, 0° to 8.8°",
        "3, NEUTRAL, 0° to 8.8°",
        "8.8, NEUTRAL, 0° to 8.8°",
        "8.9, PRONATED, over 8.8°",
        "25, PRONATED, over 8.8°"
    })
    void calcanealStanceFallsOnEitherSideOfEachLimit(
            String degrees, PostureLevel expected, String threshold) {
        FootClassification result = classifier.classify(right().calcanealStance(degrees).build());

        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.decidedBy()).containsExactly("calcaneal-stance");
        assertThat(result.evidence())
                .containsExactly(
                        new Evidence(
                                "calcaneal-stance",
                                new BigDecimal(degrees),
                                expected,
                                threshold,
                                true));
    }

    @ParameterizedTest(name = "running eversion {0} degrees is {1}")
    @CsvSource({
        "0, SUPINATED, under 4°",
        "3.9, SUPINATED, under 4°",
        "4, NEUTRAL, 4° to 12°",
        "12, NEUTRAL, 4° to 12°",
        "12.1, PRONATED, over 12°",
        "30, PRONATED, over 12°"
    })
    void runningEversionFallsOnEitherSideOfEachLimit(
            String degrees, PostureLevel expected, String threshold) {
        FootClassification result = classifier.classify(left().runningEversion(degrees).build());

        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.decidedBy()).containsExactly("running-eversion");
        assertThat(result.evidence())
                .containsExactly(
                        new Evidence(
                                "running-eversion",
                                new BigDecimal(degrees),
                                expected,
                                threshold,
                                true));
    }

    @Test
    void theItemsAreSummedIntoTheTotal() {
        FootClassification result = classifier.classify(right().fpiItems(2, 2, 1, 1, 0, 0).build());

        assertThat(result.side()).isEqualTo(Side.RIGHT);
        assertThat(result.fpiTotal()).isEqualTo(6);
        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.level().alignment()).isEqualTo(Alignment.VALGUS);
    }

    @Test
    void theArchHeightIndexIsEvidenceWithoutAVote() {
        FootClassification with =
                classifier.classify(left().fpi(3).archHeightIndex("0.31").build());
        FootClassification without = classifier.classify(left().fpi(3).build());

        assertThat(with.evidence())
                .last()
                .isEqualTo(
                        new Evidence(
                                "arch-height-index",
                                new BigDecimal("0.31"),
                                null,
                                "none: no agreed cut-offs",
                                false));
        assertThat(with.level()).isEqualTo(without.level());
        assertThat(with.confidence()).isEqualTo(without.confidence());
        assertThat(with.decidedBy()).isEqualTo(without.decidedBy());
        assertThat(with.explanation())
                .anySatisfy(
                        s -> assertThat(s).contains("Arch height index 0.31").contains("stored"));
    }

    @Test
    void theArchHeightIndexNeverTipsASecondaryOnlyResult() {
        FootClassification result =
                classifier.classify(left().navicularDrop("12").archHeightIndex("0.20").build());

        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.decidedBy()).containsExactly("navicular-drop");
        assertThat(result.evidence())
                .extracting(Evidence::measure)
                .containsExactly("navicular-drop", "arch-height-index");
    }

    @Test
    void aFootWithOnlyTheArchHeightIndexIsRefused() {
        assertThatThrownBy(() -> classifier.classify(right().archHeightIndex("0.34").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RIGHT")
                .hasMessageContaining("arch height index");
    }

    @Test
    void aFootWithoutAnyMeasureIsRefused() {
        assertThatThrownBy(() -> classifier.classify(left().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEFT");
    }

    @Test
    void theExplanationHasASentencePerMeasureAndNamesTheRuleSet() {
        FootClassification result =
                classifier.classify(
                        left().fpi(-3)
                                .navicularDrop("3.5")
                                .calcanealStance("-2")
                                .runningEversion("6")
                                .archHeightIndex("0.36")
                                .build());

        assertThat(result.explanation()).hasSize(7);
        assertThat(result.explanation().get(0))
                .contains("FPI-6 total -3", "supinated band", "-4 to -1", "decides");
        assertThat(result.explanation().get(1))
                .contains("Navicular drop 3.5 mm", "under 4 mm", "votes supinated", "agrees");
        assertThat(result.explanation().get(2))
                .contains("calcaneal stance -2°", "under 0°", "votes supinated", "agrees");
        assertThat(result.explanation().get(3))
                .contains("running 6°", "4° to 12°", "votes neutral", "points another way");
        assertThat(result.explanation().get(4)).contains("Arch height index 0.36");
        assertThat(result.explanation().get(5))
                .contains("disagree", "peak rearfoot eversion while running (neutral)");
        assertThat(result.explanation().get(6))
                .contains("supinated", "0.74", RuleSets.SHIPPED.version());
    }

    @Test
    void aSecondaryOnlyExplanationSaysWhichMeasureDecidedAndWhichWasOutvoted() {
        FootClassification result =
                classifier.classify(left().navicularDrop("12").calcanealStance("-1").build());

        assertThat(result.explanation().get(0))
                .contains("Navicular drop 12 mm", "votes pronated", "weight 0.4", "outvoted");
        assertThat(result.explanation().get(1))
                .contains("calcaneal stance -1°", "votes supinated", "weight 0.6", "decided");
        assertThat(result.explanation().get(2)).contains("disagree");
        assertThat(result.explanation()).last().asString().contains("posture-2026.1");
    }

    @Test
    void agreeingMeasuresAddNoDisagreementSentence() {
        FootClassification result = classifier.classify(left().fpi(7).navicularDrop("11").build());

        assertThat(result.explanation()).hasSize(3).noneMatch(s -> s.contains("disagree"));
    }
}
