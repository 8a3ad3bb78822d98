package dev.footwork.support.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantRangeTest {

    @Test
    void holdsTheYears1900To9999() {
        assertThat(InstantRange.contains(Instant.parse("1900-01-01T00:00:00Z"))).isTrue();
        assertThat(InstantRange.contains(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(InstantRange.contains(Instant.parse("1899-12-31T23:59:59.999999999Z")))
                .isFalse();
        assertThat(InstantRange.contains(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(InstantRange.contains(Instant.parse("-5000-01-01T00:00:00Z"))).isFalse();
        assertThat(InstantRange.contains(Instant.MAX)).isFalse();
    }

    @Test
    void aRefusalNamesTheField() {
        assertThat(InstantRange.check("from", Instant.MIN))
                .contains(new FieldError("from", InstantRange.MESSAGE));
        assertThat(InstantRange.check("from", null)).isEmpty();
        assertThatThrownBy(() -> InstantRange.require("to", Instant.MAX))
                .isInstanceOf(Rejected.class)
                .hasMessage("to: " + InstantRange.MESSAGE);
    }
}
