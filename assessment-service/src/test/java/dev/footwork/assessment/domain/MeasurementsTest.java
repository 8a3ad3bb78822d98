package dev.footwork.assessment.domain;

import static dev.footwork.assessment.domain.FootBuilder.left;
import static dev.footwork.assessment.domain.FootBuilder.right;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Rejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks REST input and the measurements topic share. */
class MeasurementsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void soundMeasurementsPass() {
        assertThatCode(
                        () ->
                                Measurements.check(
                                        NOW,
                                        List.of(
                                                left().fpiItems(1, 1, 0, 1, 1, 0).fpi(4).build(),
                                                right().navicularDrop("6.50")
                                                        .archHeightIndex("0.312")
                                                        .build()),
                                        NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aDateInTheFutureIsRefused() {
        assertThat(fields(NOW.plusMillis(1), List.of(left().fpi(1).build())))
                .containsExactly("assessedAt");
    }

    @Test
    void aDateBeforeTheStatedYearsIsRefused() {
        assertThat(fields(Instant.parse("1899-12-31T23:59:59Z"), List.of(left().fpi(1).build())))
                .containsExactly("assessedAt");
        assertThat(fields(Instant.parse("-5000-01-01T00:00:00Z"), List.of(left().fpi(1).build())))
                .containsExactly("assessedAt");
        assertThatCode(
                        () ->
                                Measurements.check(
                                        Instant.parse("1900-01-01T00:00:00Z"),
                                        List.of(left().fpi(1).build()),
                                        NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aSideGivenTwiceIsRefusedAtItsSecondMention() {
        Rejected refused = refusal(NOW, List.of(left().fpi(1).build(), left().fpi(2).build()));
        assertThat(refused.errors())
                .containsExactly(new FieldError("feet[1].side", "LEFT foot is given twice"));
        assertThat(refused.code()).isEqualTo("invalid-measurements");
        assertThat(refused.getMessage()).isEqualTo("feet[1].side: LEFT foot is given twice");
    }

    @Test
    void eachFootNeedsAClassifyingMeasure() {
        assertThat(
                        fields(
                                NOW,
                                List.of(
                                        left().fpi(1).build(),
                                        right().archHeightIndex("0.3").build())))
                .containsExactly("feet[1].measured");
        assertThat(fields(NOW, List.of())).containsExactly("feet");
    }

    @Test
    void itemsAndTotalMustAgree() {
        assertThat(fields(NOW, List.of(left().fpiItems(1, 1, 1, 1, 1, 1).fpi(2).build())))
                .containsExactly("feet[0].consistent");
    }

    @Test
    void measuresKeepNoMoreDecimalsThanAreStored() {
        assertThat(
                        fields(
                                NOW,
                                List.of(
                                        left().navicularDrop("6.25")
                                                .calcanealStance("4.05")
                                                .runningEversion("8.125")
                                                .archHeightIndex("0.3125")
                                                .build())))
                .containsExactly(
                        "feet[0].navicularDropMm",
                        "feet[0].calcanealStanceDegrees",
                        "feet[0].peakRearfootEversionDegrees",
                        "feet[0].archHeightIndex");
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        assertThat(
                        fields(
                                NOW.plusSeconds(60),
                                List.of(left().build(), left().navicularDrop("1.23").build())))
                .containsExactly(
                        "assessedAt",
                        "feet[0].measured",
                        "feet[1].side",
                        "feet[1].navicularDropMm");
    }

    private static List<String> fields(Instant assessedAt, List<FootInput> feet) {
        return refusal(assessedAt, feet).errors().stream().map(FieldError::field).toList();
    }

    private static Rejected refusal(Instant assessedAt, List<FootInput> feet) {
        Rejected refused =
                catchThrowableOfType(
                        Rejected.class, () -> Measurements.check(assessedAt, feet, NOW));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
