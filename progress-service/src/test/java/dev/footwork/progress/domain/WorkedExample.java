package dev.footwork.progress.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.FootPlan;
import dev.footwork.contracts.vocabulary.PlanContent.Phase;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import dev.footwork.contracts.vocabulary.PlanContent.Role;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The worked example of the module README: an 8-week plan from Monday 2 November 2026, assessed on
 * Wednesday of week 3. Shared by the unit test of the formulas and the service test that logs the
 * same sessions through Kafka.
 */
public final class WorkedExample {

    public static final LocalDate STARTS_ON = LocalDate.of(2026, 11, 2);
    public static final Instant ASSESSED_AT = Instant.parse("2026-11-18T12:00:00Z");

    public static final ExerciseSide INVERSION_LEFT =
            new ExerciseSide(ExerciseId.BAND_INVERSION, Side.LEFT);
    public static final ExerciseSide TOWEL_LEFT =
            new ExerciseSide(ExerciseId.TOWEL_GRAB, Side.LEFT);
    public static final ExerciseSide HEEL_RIGHT =
            new ExerciseSide(ExerciseId.HEEL_RAISE, Side.RIGHT);

    /** One logged session of the example. */
    public record Logged(ExerciseSide exercise, Session session, Instant at) {}

    private WorkedExample() {}

    public static PlanContent plan(PlanStatus status) {
        return new PlanContent(
                status,
                STARTS_ON,
                8,
                1,
                List.of(
                        new Phase(1, "Foundation", 1, 2),
                        new Phase(2, "Build", 3, 5),
                        new Phase(3, "Load", 6, 8)),
                List.of(
                        new FootPlan(
                                Side.LEFT,
                                PostureLevel.PRONATED,
                                List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                                List.of(
                                        new Prescription(
                                                ExerciseId.BAND_INVERSION,
                                                Role.EMPHASIS,
                                                3,
                                                10,
                                                3,
                                                BandColour.RED,
                                                3),
                                        new Prescription(
                                                ExerciseId.TOWEL_GRAB,
                                                Role.EMPHASIS,
                                                3,
                                                12,
                                                2,
                                                null,
                                                3))),
                        new FootPlan(
                                Side.RIGHT,
                                PostureLevel.NEUTRAL,
                                List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY),
                                List.of(
                                        new Prescription(
                                                ExerciseId.HEEL_RAISE,
                                                Role.MAINTENANCE,
                                                3,
                                                12,
                                                2,
                                                null,
                                                2)))),
                List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 11)));
    }

    /**
     * The sessions: week 1 band inversion 3 (pain 2), towel grab 2 (pain 1), heel raise 3 (pain 1,
     * one more than prescribed); week 2: 2 (pain 3), 3 (pain 2), 2 (pain 1); week 3 up to
     * Wednesday: band inversion on Monday at pain 6, towel grab on Wednesday at pain 4.
     */
    public static List<Logged> sessions() {
        Session inversion2 = new Session(3, 10, 3, 2);
        Session inversion3 = new Session(3, 10, 3, 3);
        Session inversion6 = new Session(3, 10, 3, 6);
        return List.of(
                // week 1: Mon 2 - Sun 8 November
                new Logged(INVERSION_LEFT, inversion2, at("2026-11-02T17:00:00Z")),
                new Logged(INVERSION_LEFT, inversion2, at("2026-11-04T17:00:00Z")),
                new Logged(INVERSION_LEFT, inversion2, at("2026-11-06T17:00:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 1), at("2026-11-02T17:10:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 1), at("2026-11-06T17:10:00Z")),
                new Logged(HEEL_RIGHT, new Session(3, 12, 2, 1), at("2026-11-03T07:00:00Z")),
                new Logged(HEEL_RIGHT, new Session(3, 12, 2, 1), at("2026-11-06T07:00:00Z")),
                new Logged(HEEL_RIGHT, new Session(3, 12, 2, 1), at("2026-11-07T07:00:00Z")),
                // week 2: Mon 9 - Sun 15 November
                new Logged(INVERSION_LEFT, inversion3, at("2026-11-09T17:00:00Z")),
                new Logged(INVERSION_LEFT, inversion3, at("2026-11-13T17:00:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 2), at("2026-11-09T17:10:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 2), at("2026-11-11T17:10:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 2), at("2026-11-13T17:10:00Z")),
                new Logged(HEEL_RIGHT, new Session(3, 12, 2, 1), at("2026-11-10T07:00:00Z")),
                new Logged(HEEL_RIGHT, new Session(3, 12, 2, 1), at("2026-11-13T07:00:00Z")),
                // week 3, up to Wednesday 18 November
                new Logged(INVERSION_LEFT, inversion6, at("2026-11-16T17:00:00Z")),
                new Logged(TOWEL_LEFT, new Session(3, 12, 2, 4), at("2026-11-18T07:30:00Z")));
    }

    /** Every session the plan schedules before {@code until}, as prescribed, at pain 1. */
    public static List<Logged> everyScheduledSession(PlanContent plan, Instant until) {
        List<Logged> sessions = new ArrayList<>();
        for (LocalDate day = plan.startsOn();
                day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(until);
                day = day.plusDays(1)) {
            for (FootPlan foot : plan.feet()) {
                if (foot.sessionDays().contains(day.getDayOfWeek())) {
                    for (Prescription p : foot.prescriptions()) {
                        sessions.add(
                                new Logged(
                                        new ExerciseSide(p.exerciseId(), foot.side()),
                                        new Session(p.sets(), p.reps(), p.holdSeconds(), 1),
                                        day.atTime(7, 0).toInstant(ZoneOffset.UTC)));
                    }
                }
            }
        }
        return sessions;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
