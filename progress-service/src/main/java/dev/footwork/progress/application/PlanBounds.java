package dev.footwork.progress.application;

import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.ProgressWeek;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Inapplicable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a completion belongs to its plan as this service knows it, for {@link ApplyCompletion}
 * and {@link ApplyPlan}: done within the plan's weeks ({@link PlanCalendar#sessionWindow} in the
 * clinic's zone), for an exercise and foot that the newest revision prescribes or an earlier one
 * applied here did (its week rows stay when a revision drops an exercise). Only the newest revision
 * is kept, so "the revision in force when the session was done", which exercise-service checks,
 * cannot be told here; a revision never moves a plan's weeks.
 */
@ApplicationScoped
class PlanBounds {

    private final ZoneId zone;

    PlanBounds(ProgressAnalysis analysis) {
        this.zone = analysis.rules().zone();
    }

    /** The refusal {@code outside-plan} of a completion done outside the plan's weeks. */
    Optional<Inapplicable> outsideWeeks(
            KnownPlan plan, PlanCalendar calendar, UUID completionId, Instant completedAt) {
        PlanCalendar.SessionWindow window = calendar.sessionWindow(zone);
        if (window.contains(completedAt)) {
            return Optional.empty();
        }
        String why =
                completedAt
                        + " is outside the "
                        + plan.weeks
                        + " weeks of plan "
                        + plan.planId
                        + ": its sessions are done from "
                        + window.from()
                        + " (the day before it starts on "
                        + plan.startsOn
                        + ") until "
                        + window.until()
                        + " (the end of its last day, plus "
                        + PlanCalendar.DEVICE_CLOCK_AHEAD.toMinutes()
                        + " minutes a device's clock may be ahead)";
        return Optional.of(
                new Inapplicable(
                        "outside-plan",
                        "Completion outside its plan",
                        "completion " + completionId + " done at " + why,
                        List.of(new FieldError("completedAt", why))));
    }

    /** Whether the plan prescribes the exercise on that foot, now or in a revision seen before. */
    boolean prescribed(KnownPlan plan, PlanCalendar calendar, ExerciseSide exercise) {
        return calendar.prescribes(exercise) || ProgressWeek.anyOf(plan.planId, exercise);
    }

    /**
     * The refusal {@code not-prescribed} of a completion of an exercise and foot not prescribed.
     */
    Inapplicable notPrescribed(KnownPlan plan, UUID completionId, ExerciseSide exercise) {
        String why =
                exercise.exerciseId().id()
                        + " is not prescribed for the "
                        + exercise.side()
                        + " foot in plan "
                        + plan.planId
                        + " (revision "
                        + plan.revision
                        + " or an earlier one applied here)";
        return new Inapplicable(
                "not-prescribed",
                "Exercise not in the plan",
                "completion " + completionId + ": " + why,
                List.of(new FieldError("exerciseId", why)));
    }
}
