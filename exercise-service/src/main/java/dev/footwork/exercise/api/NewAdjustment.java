package dev.footwork.exercise.api;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.domain.PlanAdjustment;
import dev.footwork.support.application.Rejected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinician's changes to a plan, applied together as one new revision. */
@Schema(
        example =
                """
                {"changes":[
                  {"action":"CHANGE_DOSAGE","side":"LEFT","exerciseId":"band-inversion","sets":3,"reps":15,"bandColour":"GREEN"},
                  {"action":"REMOVE","side":"LEFT","exerciseId":"band-dorsiflexion"},
                  {"action":"ADD","side":"RIGHT","exerciseId":"band-eversion","role":"SUPPORTING"},
                  {"action":"SET_SCHEDULE","side":"RIGHT","days":["MONDAY","THURSDAY"]}]}\
                """)
public record NewAdjustment(@NotEmpty @Size(max = 24) List<@NotNull @Valid Change> changes) {

    /** The changes in the domain's words; a change that lacks what its action needs is refused. */
    public List<PlanAdjustment> toAdjustments() {
        return IntStream.range(0, changes.size())
                .mapToObj(i -> changes.get(i).toAdjustment("changes[" + i + "]."))
                .toList();
    }

    /** What a change does. */
    public enum Action {
        CHANGE_DOSAGE,
        REMOVE,
        ADD,
        SET_SCHEDULE
    }

    /**
     * One change to one foot. CHANGE_DOSAGE and ADD take any of the dosage fields (absent ones keep
     * their value, or for ADD take the rule set's start); ADD needs a role; SET_SCHEDULE needs
     * days.
     */
    public record Change(
            @NotNull Action action,
            @NotNull Side side,
            ExerciseId exerciseId,
            PlanContent.Role role,
            @Min(1) @Max(10) Integer sets,
            @Min(1) @Max(100) Integer reps,
            @Min(0) @Max(120) Integer holdSeconds,
            @Schema(description = "Only for band exercises") BandColour bandColour,
            @Min(1) @Max(7) Integer sessionsPerWeek,
            @Size(min = 1, max = 7) List<@NotNull DayOfWeek> days) {

        PlanAdjustment toAdjustment(String at) {
            if (action != Action.SET_SCHEDULE && exerciseId == null) {
                throw Rejected.field(at + "exerciseId", "is required for " + action);
            }
            return switch (action) {
                case CHANGE_DOSAGE ->
                        new PlanAdjustment.ChangeDosage(
                                side,
                                exerciseId,
                                sets,
                                reps,
                                holdSeconds,
                                bandColour,
                                sessionsPerWeek);
                case REMOVE -> new PlanAdjustment.Remove(side, exerciseId);
                case ADD -> {
                    if (role == null) {
                        throw Rejected.field(at + "role", "is required for ADD");
                    }
                    yield new PlanAdjustment.Add(
                            side,
                            exerciseId,
                            role,
                            sets,
                            reps,
                            holdSeconds,
                            bandColour,
                            sessionsPerWeek);
                }
                case SET_SCHEDULE -> {
                    if (days == null) {
                        throw Rejected.field(at + "days", "is required for SET_SCHEDULE");
                    }
                    yield new PlanAdjustment.SetSchedule(side, days);
                }
            };
        }
    }
}
