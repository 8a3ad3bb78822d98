package dev.footwork.progress.domain;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.FootPlan;
import dev.footwork.contracts.vocabulary.PlanContent.Phase;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's weeks and schedule. Week 1 starts on the plan's first day; a plan week runs for seven
 * days from the weekday the plan started on. A session belongs to the plan only within its {@link
 * #sessionWindow} and for an exercise and foot it {@link #prescribes}.
 */
public final class PlanCalendar {

    /**
     * Days before the first day whose sessions still belong to the plan: exercise-service dates a
     * plan by the UTC day it is issued and accepts sessions from the moment it is issued, which in
     * a clinic's zone west of UTC can still be the day before.
     */
    public static final int DAYS_BEFORE_START = 1;

    /**
     * How far a device's clock may run ahead of the server's, so past the end of the last day:
     * exercise-service tolerates as much when it accepts a completion.
     */
    public static final Duration DEVICE_CLOCK_AHEAD = Duration.ofMinutes(2);

    /**
     * The instants whose sessions belong to a plan.
     *
     * @param from the first one
     * @param until the first instant after them
     */
    public record SessionWindow(Instant from, Instant until) {

        public boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    private final PlanContent plan;

    public PlanCalendar(PlanContent plan) {
        this.plan = plan;
    }

    public PlanContent plan() {
        return plan;
    }

    /** The plan week a day falls in: 1 for the first seven days, 0 or less before the start. */
    public int weekOf(LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(plan.startsOn(), day), 7) + 1;
    }

    /** The week a session on that day counts in: days before the start count in week 1. */
    public int countingWeekOf(LocalDate day) {
        return Math.max(1, weekOf(day));
    }

    /**
     * The week a session on that day counts in: days before the start in week 1, the last day's
     * tolerance after it in the last week, so a session never makes a week the plan does not have.
     */
    public int sessionWeekOf(LocalDate day) {
        return Math.min(plan.weeks(), countingWeekOf(day));
    }

    /**
     * When sessions of this plan may have been done, in the clinic's zone: from the start of the
     * day before its first day to {@link #DEVICE_CLOCK_AHEAD} after the end of its last day.
     */
    public SessionWindow sessionWindow(ZoneId zone) {
        return new SessionWindow(
                plan.startsOn().minusDays(DAYS_BEFORE_START).atStartOfDay(zone).toInstant(),
                lastDayOf(plan.weeks())
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .plus(DEVICE_CLOCK_AHEAD));
    }

    /**
     * Whether the plan prescribes the exercise on that foot, whatever its status: a paused plan
     * asks for nothing but still names what its sessions were for.
     */
    public boolean prescribes(ExerciseSide exercise) {
        return plan.feet().stream()
                .filter(foot -> foot.side() == exercise.side())
                .flatMap(foot -> foot.prescriptions().stream())
                .anyMatch(p -> p.exerciseId() == exercise.exerciseId());
    }

    public LocalDate firstDayOf(int week) {
        return plan.startsOn().plusDays(7L * (week - 1));
    }

    public LocalDate lastDayOf(int week) {
        return firstDayOf(week).plusDays(6);
    }

    /** The phase a week belongs to; weeks after the programme belong to the last phase. */
    public Optional<Phase> phaseOf(int week) {
        return plan.phases().stream()
                .filter(p -> week >= p.fromWeek() && week <= p.toWeek())
                .findFirst()
                .or(() -> plan.phases().stream().reduce((a, b) -> b));
    }

    /** Sessions a week asks for, per exercise and foot; nothing while the plan is not active. */
    public Map<ExerciseSide, Integer> weeklyPrescription() {
        Map<ExerciseSide, Integer> sessions = new LinkedHashMap<>();
        if (plan.status() != PlanStatus.ACTIVE) {
            return sessions;
        }
        for (FootPlan foot : plan.feet()) {
            for (Prescription p : foot.prescriptions()) {
                sessions.merge(
                        new ExerciseSide(p.exerciseId(), foot.side()),
                        p.sessionsPerWeek(),
                        Integer::sum);
            }
        }
        return sessions;
    }

    /**
     * Scheduled session days of a foot between two days (both included, at most a week apart),
     * counting only days from the plan's start.
     */
    public int scheduledDays(ExerciseSide exercise, LocalDate from, LocalDate to) {
        Set<DayOfWeek> days =
                plan.feet().stream()
                        .filter(f -> f.side() == exercise.side())
                        .findFirst()
                        .map(f -> Set.copyOf(f.sessionDays()))
                        .orElse(Set.of());
        int count = 0;
        LocalDate first = from.isBefore(plan.startsOn()) ? plan.startsOn() : from;
        for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                count++;
            }
        }
        return count;
    }
}
