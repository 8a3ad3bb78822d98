package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.PostureLevel;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Without FPI-6 the secondary measures vote by weight (shipped rule set). */
class SecondaryVotingTest {

    private final FootPostureClassifier classifier = new FootPostureClassifier(RuleSets.SHIPPED);

    @Test
    void theWeightedMajorityDecides() {
        FootClassification result =
                classifier.classify(
                        left().navicularDrop("6")
                                .calcanealStance("10")
                                .runningEversion("14")
                                .build());

        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.fpiTotal()).isNull();
        assertThat(result.decidedBy()).containsExactly("calcaneal-stance", "running-eversion");
        assertThat(result.evidence())
                .extracting(Evidence::decisive)
                .containsExactly(false, true, true);
        // 0.7 x (0.6 + 0.6) / 1.6 = 0.525
        assertThat(result.confidence()).isEqualTo(0.53);
        assertThat(result.explanation())
                .anySatisfy(s -> assertThat(s).contains("disagree", "pronated votes outweigh"));
    }

    @Test
    void allSecondariesAgreeingReachTheSecondaryOnlyCap() {
        FootClassification result =
                classifier.classify(
                        left().navicularDrop("2")
                                .calcanealStance("-4")
                                .runningEversion("1")
                                .build());

        assertThat(result.level()).isEqualTo(PostureLevel.SUPINATED);
        assertThat(result.decidedBy())
                .containsExactly("navicular-drop", "calcaneal-stance", "running-eversion");
        assertThat(result.confidence()).isEqualTo(0.7);
        assertThat(result.explanation()).noneMatch(s -> s.contains("disagree"));
    }

    @Test
    void aHeavierMeasureOutweighsALighterOneOnTheOtherSide() {
        FootClassification result =
                classifier.classify(left().navicularDrop("12").calcanealStance("-1").build());

        assertThat(result.level()).isEqualTo(PostureLevel.SUPINATED);
        assertThat(result.decidedBy()).containsExactly("calcaneal-stance");
        // 0.7 x 0.6 / 1.6 = 0.2625
        assertThat(result.confidence()).isEqualTo(0.26);
    }

    @Test
    void oppositeSidesOfEqualWeightTieToNeutralWithLowConfidence() {
        FootClassification result =
                classifier.classify(left().calcanealStance("-1").runningEversion("13").build());

        assertThat(result.level()).isEqualTo(PostureLevel.NEUTRAL);
        assertThat(result.confidence()).isZero();
        assertThat(result.decidedBy()).containsExactly("calcaneal-stance", "running-eversion");
        assertThat(result.evidence()).allMatch(Evidence::decisive);
        assertThat(result.explanation())
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("disagree", "no direction outweighs")
                                        .contains("supinated side 0.6")
                                        .contains("pronated side 0.6"));
    }

    @Test
    void aTieAboveANeutralVoteIsNeutralCarriedByThatVote() {
        FootClassification result =
                classifier.classify(
                        left().navicularDrop("6")
                                .calcanealStance("-1")
                                .runningEversion("13")
                                .build());

        assertThat(result.level()).isEqualTo(PostureLevel.NEUTRAL);
        // 0.7 x 0.4 / 1.6 = 0.175
        assertThat(result.confidence()).isEqualTo(0.18);
        assertThat(result.decidedBy()).hasSize(3);
    }

    @Test
    void aTieBetweenNeutralAndOneSideIsNeutral() {
        FootClassification result =
                classifier.classify(left().calcanealStance("5").runningEversion("13").build());

        assertThat(result.level()).isEqualTo(PostureLevel.NEUTRAL);
        assertThat(result.confidence()).isEqualTo(0.26);
        assertThat(result.explanation()).anySatisfy(s -> assertThat(s).contains("no direction"));
    }

    @Test
    void oneWeakMeasureAloneGivesLowConfidence() {
        FootClassification weak = classifier.classify(left().navicularDrop("12").build());
        FootClassification stronger = classifier.classify(left().calcanealStance("10").build());

        assertThat(weak.level()).isEqualTo(PostureLevel.PRONATED);
        // 0.7 x 0.4 / 1.6 = 0.175
        assertThat(weak.confidence()).isEqualTo(0.18);
        assertThat(stronger.confidence()).isEqualTo(0.26);
        assertThat(weak.confidence())
                .isLessThan(stronger.confidence())
                .isLessThan(RuleSets.SHIPPED.confidence().fpiFloor());
    }

    @Test
    void aHighlyVoteAloneGivesTheHighlyLevel() {
        FootClassification result = classifier.classify(left().navicularDrop("16").build());

        assertThat(result.level()).isEqualTo(PostureLevel.HIGHLY_PRONATED);
    }

    @Test
    void aHighlyVoteOutweighedByMildVotesOnItsSideGivesTheMildLevel() {
        FootClassification result =
                classifier.classify(left().navicularDrop("16").calcanealStance("10").build());

        assertThat(result.level()).isEqualTo(PostureLevel.PRONATED);
        assertThat(result.decidedBy()).containsExactly("navicular-drop", "calcaneal-stance");
        // 0.7 x 1.0 / 1.6 = 0.4375
        assertThat(result.confidence()).isEqualTo(0.44);
    }

    @Test
    void highlyVotesMustOutweighMildOnesOnTheirSide() {
        RuleSet.Limits withHighlySupinated =
                new RuleSet.Limits(
                        new BigDecimal("-4"), BigDecimal.ZERO, new BigDecimal("8.8"), null, 0.6);
        FootPostureClassifier custom =
                new FootPostureClassifier(RuleSets.withCalcanealStance(withHighlySupinated));

        FootClassification evenSplit =
                custom.classify(left().calcanealStance("-5").runningEversion("3").build());
        FootClassification outweighing =
                custom.classify(left().calcanealStance("-5").navicularDrop("3").build());

        assertThat(evenSplit.evidence())
                .extracting(Evidence::vote)
                .containsExactly(PostureLevel.HIGHLY_SUPINATED, PostureLevel.SUPINATED);
        assertThat(evenSplit.level()).isEqualTo(PostureLevel.SUPINATED);
        assertThat(outweighing.level()).isEqualTo(PostureLevel.HIGHLY_SUPINATED);
        assertThat(outweighing.level().alignment()).isEqualTo(PostureLevel.Alignment.VARUS);
    }
}
