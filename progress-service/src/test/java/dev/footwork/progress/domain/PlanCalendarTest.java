package dev.footwork.progress.domain;

import static dev.footwork.progress.domain.WorkedExample.HEEL_RIGHT;
import static dev.footwork.progress.domain.WorkedExample.INVERSION_LEFT;
import static dev.footwork.progress.domain.WorkedExample.TOWEL_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The bounds of a plan for the sessions logged against it: the worked example runs 8 weeks from
 * Monday 2 November 2026 to Sunday 27 December 2026.
 */
class PlanCalendarTest {

    private final PlanCalendar calendar = new PlanCalendar(WorkedExample.plan(PlanStatus.ACTIVE));

    @Test
    void sessionsAreAcceptedFromTheDayBeforeTheStartToTwoMinutesAfterTheLastDay() {
        PlanCalendar.SessionWindow window = calendar.sessionWindow(ZoneOffset.UTC);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(window.until()).isEqualTo(Instant.parse("2026-12-28T00:02:00Z"));
        assertThat(window.contains(Instant.parse("2026-10-31T23:59:59Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2026-11-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-18T07:30:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-12-27T23:59:59Z"))).isTrue();
        // a device clock up to two minutes ahead at the end of the last day
        assertThat(window.contains(Instant.parse("2026-12-28T00:01:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-12-28T00:02:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("9999-12-31T00:00:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("0001-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void theWindowIsCountedInTheClinicsZone() {
        PlanCalendar.SessionWindow window =
                calendar.sessionWindow(ZoneId.of("America/Los_Angeles"));

        // 1 November 2026 begins at 07:00 UTC in Los Angeles (daylight time ends at 09:00 UTC)
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        // 28 December begins at 08:00 UTC (standard time)
        assertThat(window.until()).isEqualTo(Instant.parse("2026-12-28T08:02:00Z"));
    }

    @Test
    void aSessionCountsInAWeekOfThePlan() {
        assertThat(calendar.sessionWeekOf(LocalDate.of(2026, 11, 1))).isEqualTo(1);
        assertThat(calendar.sessionWeekOf(LocalDate.of(2026, 11, 2))).isEqualTo(1);
        assertThat(calendar.sessionWeekOf(LocalDate.of(2026, 11, 16))).isEqualTo(3);
        assertThat(calendar.sessionWeekOf(LocalDate.of(2026, 12, 27))).isEqualTo(8);
        // the two minutes after the last day still count in the last week
        assertThat(calendar.sessionWeekOf(LocalDate.of(2026, 12, 28))).isEqualTo(8);
    }

    @Test
    void thePlanPrescribesItsExercisesOnTheirFootWhateverItsStatus() {
        assertThat(calendar.prescribes(INVERSION_LEFT)).isTrue();
        assertThat(calendar.prescribes(TOWEL_LEFT)).isTrue();
        assertThat(calendar.prescribes(HEEL_RIGHT)).isTrue();
        assertThat(calendar.prescribes(new ExerciseSide(ExerciseId.HEEL_RAISE, Side.LEFT)))
                .isFalse();
        assertThat(calendar.prescribes(new ExerciseSide(ExerciseId.TOWEL_GRAB, Side.RIGHT)))
                .isFalse();
        // a paused plan asks for nothing but still names the exercises its sessions were for
        PlanCalendar paused = new PlanCalendar(WorkedExample.plan(PlanStatus.PAUSED));
        assertThat(paused.weeklyPrescription()).isEmpty();
        assertThat(paused.prescribes(TOWEL_LEFT)).isTrue();
    }
}
