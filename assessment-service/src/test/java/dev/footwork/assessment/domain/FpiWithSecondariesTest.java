package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.footwork.contracts.vocabulary.PostureLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FPI-6 decides; the secondary measures only move the confidence (shipped rule set). */
class FpiWithSecondariesTest {

    private final FootPostureClassifier classifier = new FootPostureClassifier(RuleSets.SHIPPED);

    @Test
    void fpiDecidesAgainstDisagreeingSecondariesAndConfidenceDrops() {
        FootClassification result =
                classifier.classify(
                        left().fpi(2)
                                .navicularDrop("12")
                                .calcanealStance("10")
                                .runningEversion("14")
                                .build());

        assertThat(result.level()).isEqualTo(PostureLevel.NEUTRAL);
        assertThat(result.decidedBy()).containsExactly("fpi6");
        assertThat(result.confidence()).isEqualTo(0.3);
        assertThat(result.evidence())
                .extracting(Evidence::measure, Evidence::vote, Evidence::decisive)
                .containsExactly(
                        tuple("fpi6", PostureLevel.NEUTRAL, true),
                        tuple("navicular-drop", PostureLevel.PRONATED, false),
                        tuple("calcaneal-stance", PostureLevel.PRONATED, false),
                        tuple("running-eversion", PostureLevel.PRONATED, false));
        assertThat(result.explanation())
                .anySatisfy(s -> assertThat(s).startsWith("The measures disagree"));
    }

    @ParameterizedTest(name = "{0} disagreeing, {1} agreeing: {2}")
    @CsvSource({
        "0, 0, 0.9",
        "1, 0, 0.7",
        "2, 0, 0.5",
        "3, 0, 0.3",
        "0, 1, 0.92",
        "0, 2, 0.94",
        "0, 3, 0.95",
        "1, 1, 0.72",
        "1, 2, 0.74",
        "2, 1, 0.52"
    })
    void eachDisagreeingMeasureCostsAndEachAgreeingOneAddsUpToTheCap(
            int disagreeing, int agreeing, double confidence) {
        // FPI +7 is pronated; 12/10/14 agree with it, 6/5/8 are neutral
        String[] agree = {"12", "10", "14"};
        String[] disagree = {"6", "5", "8"};
        String[] values = new String[3];
        for (int i = 0; i < 3; i++) {
            if (i < agreeing) {
                values[i] = agree[i];
            } else if (i < agreeing + disagreeing) {
                values[i] = disagree[i];
            }
        }
        FootBuilder foot = left().fpi(7);
        if (values[0] != null) {
            foot.navicularDrop(values[0]);
        }
        if (values[1] != null) {
            foot.calcanealStance(values[1]);
        }
        if (values[2] != null) {
            foot.runningEversion(values[2]);
        }

        FootClassification result = classifier.classify(foot.build());

        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.decidedBy()).containsExactly("fpi6");
        assertThat(result.confidence()).isEqualTo(confidence);
    }

    @Test
    void aSecondaryOnTheSameSideAgreesWhateverItsSeverity() {
        FootClassification result = classifier.classify(left().fpi(11).navicularDrop("12").build());

        assertThat(result.level()).isEqualTo(PostureLevel.HIGHLY_PRONATED);
        assertThat(result.confidence()).isEqualTo(0.92);
    }

    @Test
    void aHighlyVoteOfASecondaryDoesNotChangeTheFpiLevel() {
        FootClassification result = classifier.classify(left().fpi(7).navicularDrop("16").build());

        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.evidence().get(1).vote()).isEqualTo(PostureLevel.HIGHLY_PRONATED);
    }

    @Test
    void aNeutralFpiWithASupinatedSecondaryDisagrees() {
        FootClassification result =
                classifier.classify(left().fpi(0).calcanealStance("-3").build());

        assertThat(result.level()).isEqualTo(PostureLevel.NEUTRAL);
        assertThat(result.confidence()).isEqualTo(0.7);
    }

    @Test
    void confidenceNeverFallsBelowTheFloor() {
        FootPostureClassifier harsh =
                new FootPostureClassifier(
                        RuleSets.withConfidence(
                                new RuleSet.Confidence(0.9, 0.4, 0.02, 0.95, 0.3, 0.7)));

        FootClassification result =
                harsh.classify(
                        left().fpi(-8)
                                .navicularDrop("8")
                                .calcanealStance("4")
                                .runningEversion("9")
                                .build());

        assertThat(result.level()).isEqualTo(PostureLevel.HIGHLY_SUPINATED);
        assertThat(result.confidence()).isEqualTo(0.3);
    }
}
