package dev.footwork.exercise.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.application.LogCompletion.Entry;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Rejected;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bounds of a completion held in the use case, for input that bean validation never saw: every
 * field outside them is named, the bounds themselves pass.
 */
class LogCompletionEntryTest {

    private static final Instant AT = Instant.parse("2026-11-23T18:05:00Z");

    @Test
    void entriesAtTheBoundsPass() {
        assertThatCode(
                        () ->
                                entry(
                                                Entry.MIN_SETS,
                                                Entry.MIN_REPS,
                                                Entry.MIN_HOLD_SECONDS,
                                                Entry.MIN_PAIN)
                                        .check())
                .doesNotThrowAnyException();
        assertThatCode(
                        () ->
                                entry(
                                                Entry.MAX_SETS,
                                                Entry.MAX_REPS,
                                                Entry.MAX_HOLD_SECONDS,
                                                Entry.MAX_PAIN)
                                        .check())
                .doesNotThrowAnyException();
    }

    @Test
    void everyFieldOutsideItsBoundsIsNamed() {
        Rejected rejected =
                catchThrowableOfType(
                        Rejected.class,
                        () ->
                                entry(
                                                Entry.MIN_SETS - 1,
                                                Entry.MAX_REPS + 1,
                                                Entry.MIN_HOLD_SECONDS - 1,
                                                Entry.MAX_PAIN + 1)
                                        .check());
        assertThat(rejected.errors())
                .extracting(FieldError::field)
                .containsExactly("sets", "reps", "holdSeconds", "pain");
        assertThat(rejected.getMessage()).contains("pain: must be between 0 and 10, was 11");
    }

    @Test
    void missingValuesAreNamed() {
        Rejected rejected =
                catchThrowableOfType(
                        Rejected.class,
                        () -> new Entry(null, null, null, 3, 12, 3, null, 2, null).check());
        assertThat(rejected.errors())
                .extracting(FieldError::field)
                .containsExactly("exerciseId", "side", "completedAt");
    }

    private static Entry entry(int sets, int reps, int holdSeconds, int pain) {
        return new Entry(
                null, ExerciseId.TOWEL_GRAB, Side.LEFT, sets, reps, holdSeconds, null, pain, AT);
    }
}
