package dev.footwork.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageBoundsTest {

    @Test
    void theOffsetOfTheLastPageAndItsRowsFitAnInt() {
        long lastRow = (long) PageBounds.MAX_PAGE * PageBounds.MAX_SIZE + PageBounds.MAX_SIZE;
        assertThat(lastRow).isLessThanOrEqualTo(Integer.MAX_VALUE);
    }
}
