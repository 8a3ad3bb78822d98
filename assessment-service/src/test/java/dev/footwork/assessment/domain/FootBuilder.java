package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import java.util.List;

/** Builds a {@link FootInput} naming only the measures a test cares about. */
final class FootBuilder {

    private final Side side;
    private List<Integer> fpiItems;
    private Integer fpiTotal;
    private BigDecimal navicularDrop;
    private BigDecimal calcanealStance;
    private BigDecimal runningEversion;
    private BigDecimal archHeightIndex;

    private FootBuilder(Side side) {
        this.side = side;
    }

    static FootBuilder left() {
        return new FootBuilder(Side.LEFT);
    }

    static FootBuilder right() {
        return new FootBuilder(Side.RIGHT);
    }

    FootBuilder fpi(int total) {
        fpiTotal = total;
        return this;
    }

    FootBuilder fpiItems(Integer... items) {
        fpiItems = List.of(items);
        return this;
    }

    FootBuilder navicularDrop(String mm) {
        navicularDrop = new BigDecimal(mm);
        return this;
    }

    FootBuilder calcanealStance(String degrees) {
        calcanealStance = new BigDecimal(degrees);
        return this;
    }

    FootBuilder runningEversion(String degrees) {
        runningEversion = new BigDecimal(degrees);
        return this;
    }

    FootBuilder archHeightIndex(String ratio) {
        archHeightIndex = new BigDecimal(ratio);
        return this;
    }

    FootInput build() {
        return new FootInput(
                side,
                fpiItems,
                fpiTotal,
                navicularDrop,
                calcanealStance,
                runningEversion,
                archHeightIndex);
    }
}
