package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootInputTest {

    @Test
    void theItemsAreSummedIntoTheTotal() {
        assertThat(left().fpiItems(2, 2, 1, 1, 0, -1).build().effectiveFpiTotal()).isEqualTo(5);
    }

    @Test
    void theItemsWinOverAGivenTotal() {
        assertThat(left().fpiItems(1, 1, 1, 1, 1, 1).fpi(6).build().effectiveFpiTotal())
                .isEqualTo(6);
        assertThat(left().fpiItems(0, 0, 0, 0, 0, 0).fpi(3).build().effectiveFpiTotal()).isZero();
    }

    @Test
    void withoutItemsTheGivenTotalIsUsed() {
        assertThat(left().fpi(-7).build().effectiveFpiTotal()).isEqualTo(-7);
        assertThat(
                        new FootInput(Side.LEFT, List.of(), 4, null, null, null, null)
                                .effectiveFpiTotal())
                .isEqualTo(4);
    }

    @Test
    void withoutFpiThereIsNoTotal() {
        assertThat(left().navicularDrop("8").build().effectiveFpiTotal()).isNull();
    }

    @Test
    void fpiAndEachSecondaryMeasureAloneCanClassify() {
        assertThat(left().fpi(0).build().hasClassifyingMeasure()).isTrue();
        assertThat(left().fpiItems(0, 0, 0, 0, 0, 0).build().hasClassifyingMeasure()).isTrue();
        assertThat(left().navicularDrop("6").build().hasClassifyingMeasure()).isTrue();
        assertThat(left().calcanealStance("0").build().hasClassifyingMeasure()).isTrue();
        assertThat(left().runningEversion("8").build().hasClassifyingMeasure()).isTrue();
    }

    @Test
    void theArchHeightIndexAloneCannotClassify() {
        assertThat(left().archHeightIndex("0.34").build().hasClassifyingMeasure()).isFalse();
        assertThat(left().build().hasClassifyingMeasure()).isFalse();
    }
}
