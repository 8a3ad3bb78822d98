package dev.footwork.exercise.api;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.application.LogCompletion;
import dev.footwork.exercise.application.LogCompletion.Entry;
import dev.footwork.support.api.InstantInRange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One session of one exercise on one foot, as the patient's app logs it. */
@Schema(
        example =
                """
                {"exerciseId":"band-inversion","side":"LEFT","sets":3,"reps":12,"holdSeconds":3,
                 "bandColour":"RED","pain":2,"completedAt":"2026-11-23T18:05:00Z"}\
                """)
public record NewCompletion(
        @Schema(
                        description =
                                "Client-chosen id, unique within the clinic; sending the same id"
                                        + " again returns the stored completion")
                UUID completionId,
        @NotNull ExerciseId exerciseId,
        @NotNull Side side,
        @NotNull @Min(Entry.MIN_SETS) @Max(Entry.MAX_SETS) Integer sets,
        @NotNull @Min(Entry.MIN_REPS) @Max(Entry.MAX_REPS) Integer reps,
        @NotNull @Min(Entry.MIN_HOLD_SECONDS) @Max(Entry.MAX_HOLD_SECONDS) Integer holdSeconds,
        @Schema(description = "Band used; required for band exercises, absent otherwise")
                BandColour bandColour,
        @Schema(description = "Pain during the exercise, 0 (none) to 10 (worst)")
                @NotNull
                @Min(Entry.MIN_PAIN)
                @Max(Entry.MAX_PAIN)
                Integer pain,
        @Schema(
                        description =
                                "When the session was done (ISO-8601, UTC): not in the future,"
                                        + " not before the plan began, in the years 1900 to 9999")
                @NotNull
                @InstantInRange
                Instant completedAt) {

    LogCompletion.Entry toEntry() {
        return new LogCompletion.Entry(
                completionId,
                exerciseId,
                side,
                sets,
                reps,
                holdSeconds,
                bandColour,
                pain,
                completedAt);
    }
}
