package dev.footwork.progress.domain;

import static dev.footwork.progress.domain.WorkedExample.INVERSION_LEFT;
import static dev.footwork.progress.domain.WorkedExample.TOWEL_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.events.AdherenceDropped;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.events.ReassessmentDue;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.application.AlertEvents;
import dev.footwork.progress.domain.ProgressSnapshot.ExerciseTotals;
import dev.footwork.progress.domain.ProgressSnapshot.WeekFigures;
import dev.footwork.progress.domain.WorkedExample.Logged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The formulas of the module README on the domain's snapshot; the alerts are checked as the
 * progress events the application layer publishes for them ({@link AlertEvents}).
 */
class ProgressAnalysisTest {

    private static final ProgressRules RULES = ProgressRules.defaults(ZoneOffset.UTC);
    private static final PlanRef REF = new PlanRef(UUID.randomUUID(), "clinic-a", "p-1");

    /** The plan and patient the events name. */
    private record PlanRef(UUID planId, String clinicId, String patientRef) {}

    private final ProgressAnalysis analysis = new ProgressAnalysis(RULES);

    @Test
    void theWorkedExampleOfTheReadme() {
        ProgressSnapshot a =
                assess(
                        WorkedExample.plan(PlanStatus.ACTIVE),
                        WorkedExample.sessions(),
                        WorkedExample.ASSESSED_AT);

        assertThat(a.currentWeek()).isEqualTo(3);
        assertThat(a.currentPhase()).isEqualTo(1);
        assertThat(a.phaseName()).isEqualTo("Foundation");
        assertThat(a.completedSessions()).isEqualTo(17);
        // weeks 1 and 2: 8 each; week 3 up to Wednesday: Mon+Wed left (2 + 2), Tue right (1)
        assertThat(a.prescribedToDate()).isEqualTo(21);
        // 7 + 7 (heel raise 3 of 2 counts 2) + 2
        assertThat(a.creditedToDate()).isEqualTo(16);
        assertThat(a.adherencePercent()).isEqualTo(76.2);
        // Thu 12 - Wed 18: 5 of 8 scheduled
        assertThat(a.adherenceLast7DaysPercent()).isEqualTo(62.5);
        assertThat(a.totalReps()).isEqualTo(576);
        assertThat(a.volume()).isEqualTo(1332);
        assertThat(a.meanPain()).isEqualTo(2.1);
        assertThat(a.maxPain()).isEqualTo(6);
        assertThat(a.sessionsAbovePainLimit()).isEqualTo(1);
        assertThat(a.painTrend()).isEqualTo(PainTrend.RISING);
        assertThat(a.streakWeeks()).isEqualTo(2);
        assertThat(a.nextReassessmentOn()).hasToString("2026-12-07");
        assertThat(a.flags()).containsExactly(Flag.PAIN);
        assertThat(a.riskScore()).isEqualTo(50 + 4);

        assertThat(a.weeks()).hasSize(8);
        WeekFigures week1 = a.weeks().get(0);
        assertThat(week1.startsOn()).hasToString("2026-11-02");
        assertThat(week1.endsOn()).hasToString("2026-11-08");
        assertThat(List.of(week1.prescribedSessions(), week1.completedSessions()))
                .containsExactly(8, 8);
        assertThat(week1.adherencePercent()).isEqualTo(87.5);
        assertThat(week1.totalReps()).isEqualTo(270);
        assertThat(week1.volume()).isEqualTo(630);
        assertThat(week1.meanPain()).isEqualTo(1.4);
        WeekFigures week2 = a.weeks().get(1);
        assertThat(week2.adherencePercent()).isEqualTo(87.5);
        assertThat(week2.meanPain()).isEqualTo(2.0);
        assertThat(week2.maxPain()).isEqualTo(3);
        WeekFigures week3 = a.weeks().get(2);
        assertThat(week3.phase()).isEqualTo(2);
        assertThat(week3.adherencePercent()).isEqualTo(25.0);
        assertThat(week3.meanPain()).isEqualTo(5.0);
        assertThat(week3.sessionsAbovePainLimit()).isEqualTo(1);
        assertThat(a.weeks().get(3).adherencePercent()).as("week 4 has not started").isNull();

        assertThat(a.exercises())
                .containsExactly(
                        new ExerciseTotals(ExerciseId.TOWEL_GRAB, Side.LEFT, 6, 216, 432),
                        new ExerciseTotals(ExerciseId.BAND_INVERSION, Side.LEFT, 6, 180, 540),
                        new ExerciseTotals(ExerciseId.HEEL_RAISE, Side.RIGHT, 5, 180, 360));
    }

    @Test
    void theWorkedExampleCompletesThePhaseAndBreaksThePainRule() {
        ProgressSnapshot a =
                assess(
                        WorkedExample.plan(PlanStatus.ACTIVE),
                        WorkedExample.sessions(),
                        WorkedExample.ASSESSED_AT);

        assertThat(keys(a)).containsExactly("phase-1", "pain-above-week-3");
        assertThat(event(a.alerts().get(0), WorkedExample.ASSESSED_AT))
                .isEqualTo(
                        new PhaseCompleted(
                                REF.planId(),
                                REF.clinicId(),
                                REF.patientRef(),
                                1,
                                87.5,
                                3,
                                WorkedExample.ASSESSED_AT));
        assertThat(event(a.alerts().get(1), WorkedExample.ASSESSED_AT))
                .isEqualTo(
                        new PainRuleBroken(
                                REF.planId(),
                                REF.clinicId(),
                                REF.patientRef(),
                                PainRuleBroken.Rule.ABOVE_THRESHOLD,
                                6,
                                3,
                                WorkedExample.ASSESSED_AT));
    }

    @Test
    void aWeekWithoutSessionsDropsAdherenceAndShowsTheRiseInPain() {
        Instant weekLater = WorkedExample.ASSESSED_AT.plus(7, ChronoUnit.DAYS);
        ProgressSnapshot a =
                assess(WorkedExample.plan(PlanStatus.ACTIVE), WorkedExample.sessions(), weekLater);

        assertThat(a.currentWeek()).isEqualTo(4);
        assertThat(a.adherenceLast7DaysPercent()).isEqualTo(0.0);
        assertThat(a.flags()).containsExactly(Flag.PAIN, Flag.LOW_ADHERENCE);
        assertThat(a.riskScore()).isEqualTo(50 + 30 + 10);
        assertThat(a.streakWeeks()).as("week 3 missed the target").isZero();
        assertThat(keys(a))
                .containsExactly(
                        "phase-1", "adherence-week-4", "pain-above-week-3", "pain-rising-week-3");
        assertThat(event(a.alerts().get(1), weekLater))
                .isEqualTo(
                        new AdherenceDropped(
                                REF.planId(),
                                REF.clinicId(),
                                REF.patientRef(),
                                7,
                                0.0,
                                50,
                                weekLater));
        assertThat(event(a.alerts().get(3), weekLater))
                .isEqualTo(
                        new PainRuleBroken(
                                REF.planId(),
                                REF.clinicId(),
                                REF.patientRef(),
                                PainRuleBroken.Rule.RISING_WEEK_ON_WEEK,
                                5.0,
                                3,
                                weekLater));
    }

    @Test
    void noDropIsReportedInTheFirstWeek() {
        Instant thursdayOfWeek1 = Instant.parse("2026-11-05T12:00:00Z");
        ProgressSnapshot a =
                assess(WorkedExample.plan(PlanStatus.ACTIVE), List.of(), thursdayOfWeek1);

        assertThat(a.adherenceLast7DaysPercent()).isEqualTo(0.0);
        assertThat(a.flags()).isEmpty();
        assertThat(a.alerts()).isEmpty();
        // Mon, Wed left (2 exercises) and Tue right so far
        assertThat(a.prescribedToDate()).isEqualTo(5);
    }

    @Test
    void beforeThePlanStartsNothingIsDue() {
        ProgressSnapshot a =
                assess(
                        WorkedExample.plan(PlanStatus.ACTIVE),
                        List.of(),
                        Instant.parse("2026-10-30T12:00:00Z"));

        assertThat(a.currentWeek()).isZero();
        assertThat(a.prescribedToDate()).isZero();
        assertThat(a.adherencePercent()).isNull();
        assertThat(a.adherenceLast7DaysPercent()).isNull();
        assertThat(a.meanPain()).isNull();
        assertThat(a.painTrend()).isEqualTo(PainTrend.UNKNOWN);
        assertThat(a.alerts()).isEmpty();
    }

    @Test
    void aReassessmentIsDueFromItsDateForTheConfiguredWindow() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);
        List<Logged> steady =
                WorkedExample.everyScheduledSession(plan, Instant.parse("2026-12-20T00:00:00Z"));

        ProgressSnapshot before = assess(plan, steady, Instant.parse("2026-12-06T12:00:00Z"));
        ProgressSnapshot on = assess(plan, steady, Instant.parse("2026-12-07T08:00:00Z"));
        ProgressSnapshot after = assess(plan, steady, Instant.parse("2026-12-22T08:00:00Z"));

        assertThat(before.flags()).doesNotContain(Flag.REASSESSMENT_DUE);
        assertThat(keys(before)).doesNotContain("reassessment-2026-12-07");
        assertThat(on.flags()).contains(Flag.REASSESSMENT_DUE);
        assertThat(on.alerts())
                .extracting(alert -> event(alert, Instant.parse("2026-12-07T08:00:00Z")))
                .contains(
                        new ReassessmentDue(
                                REF.planId(),
                                REF.clinicId(),
                                REF.patientRef(),
                                java.time.LocalDate.of(2026, 12, 7),
                                Instant.parse("2026-12-07T08:00:00Z")));
        assertThat(after.flags()).as("15 days later").doesNotContain(Flag.REASSESSMENT_DUE);
        assertThat(after.nextReassessmentOn()).hasToString("2027-01-11");
    }

    @Test
    void fullAdherenceIsAStreakAndNeverMoreThanAHundredPercent() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);
        List<Logged> sessions =
                new ArrayList<>(
                        WorkedExample.everyScheduledSession(
                                plan, Instant.parse("2026-11-23T00:00:00Z")));
        // a fourth band session in week 1: extra, not credited
        sessions.add(
                new Logged(
                        INVERSION_LEFT,
                        new Session(3, 10, 3, 1),
                        Instant.parse("2026-11-07T10:00:00Z")));

        ProgressSnapshot a = assess(plan, sessions, Instant.parse("2026-11-22T20:00:00Z"));

        assertThat(a.weeks().get(0).completedSessions()).isEqualTo(9);
        assertThat(a.weeks().get(0).adherencePercent()).isEqualTo(100.0);
        assertThat(a.adherencePercent()).isEqualTo(100.0);
        assertThat(a.streakWeeks()).isEqualTo(3);
        assertThat(a.painTrend()).isEqualTo(PainTrend.STEADY);
    }

    @Test
    void painAboveTheLimitInAPhaseKeepsItFromCompleting() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);
        List<Logged> sessions =
                new ArrayList<>(
                        WorkedExample.everyScheduledSession(
                                plan, Instant.parse("2026-11-16T00:00:00Z")));
        sessions.add(
                new Logged(
                        TOWEL_LEFT,
                        new Session(3, 12, 2, 7),
                        Instant.parse("2026-11-14T10:00:00Z")));

        ProgressSnapshot a = assess(plan, sessions, Instant.parse("2026-11-18T12:00:00Z"));

        assertThat(keys(a)).doesNotContain("phase-1").contains("pain-above-week-2");
    }

    @Test
    void aPausedPlanRaisesNoAlertsAndAsksForNothing() {
        ProgressSnapshot a =
                assess(
                        WorkedExample.plan(PlanStatus.PAUSED),
                        WorkedExample.sessions(),
                        WorkedExample.ASSESSED_AT.plus(7, ChronoUnit.DAYS));

        assertThat(a.alerts()).isEmpty();
        assertThat(a.adherenceLast7DaysPercent()).isNull();
        assertThat(a.flags()).doesNotContain(Flag.LOW_ADHERENCE);
    }

    @Test
    void theWorkedExampleChangesNextWhenFridaysSessionsLeaveTheWindow() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);

        // Friday 20 November: a scheduled day, and Friday 13's sessions leave the 7-day window
        assertThat(
                        analysis.nextChange(
                                plan, times(WorkedExample.sessions()), WorkedExample.ASSESSED_AT))
                .isEqualTo("2026-11-20T00:00:00Z");
        // a session logged two hours ahead of the evaluation counts in the window from then on
        Instant ahead = WorkedExample.ASSESSED_AT.plus(2, ChronoUnit.HOURS);
        assertThat(analysis.nextChange(plan, List.of(ahead), WorkedExample.ASSESSED_AT))
                .isEqualTo(ahead);
        // after the plan's last day only its weeks move on (the current week, the alerts' keys)
        assertThat(analysis.nextChange(plan, List.of(), Instant.parse("2026-12-30T12:00:00Z")))
                .isEqualTo("2027-01-04T00:00:00Z");
    }

    @Test
    void theSnapshotStaysAsItIsUntilItsNextChange() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);
        List<List<Logged>> histories =
                List.of(
                        WorkedExample.sessions(),
                        WorkedExample.everyScheduledSession(
                                plan, Instant.parse("2026-12-20T00:00:00Z")),
                        List.of());
        for (List<Logged> sessions : histories) {
            for (Instant now = Instant.parse("2026-10-28T01:00:00Z");
                    now.isBefore(Instant.parse("2027-02-01T00:00:00Z"));
                    now = now.plus(11, ChronoUnit.HOURS)) {
                Instant next = analysis.nextChange(plan, times(sessions), now);
                assertThat(next).isAfter(now).isBeforeOrEqualTo(now.plus(7, ChronoUnit.DAYS));
                ProgressSnapshot then = assess(plan, sessions, now);
                for (Instant later = now.plus(5, ChronoUnit.HOURS);
                        later.isBefore(next);
                        later = later.plus(5, ChronoUnit.HOURS)) {
                    assertThat(assess(plan, sessions, later))
                            .as("at %s after %s", later, now)
                            .isEqualTo(then);
                }
                assertThat(assess(plan, sessions, next.minusNanos(1)))
                        .as("just before %s, after %s", next, now)
                        .isEqualTo(then);
            }
        }
    }

    private static List<Instant> times(List<Logged> sessions) {
        return sessions.stream().map(Logged::at).toList();
    }

    /** Folds sessions into week tallies the way the service stores them. */
    private ProgressSnapshot assess(PlanContent plan, List<Logged> sessions, Instant now) {
        PlanCalendar calendar = new PlanCalendar(plan);
        Map<String, WeekTally> tallies = new LinkedHashMap<>();
        Map<ExerciseSide, Integer> prescription =
                new PlanCalendar(WorkedExample.plan(PlanStatus.ACTIVE)).weeklyPrescription();
        for (int week = 1; week <= plan.weeks(); week++) {
            for (Map.Entry<ExerciseSide, Integer> p : prescription.entrySet()) {
                tallies.put(
                        week + "/" + p.getKey(), WeekTally.empty(week, p.getKey(), p.getValue()));
            }
        }
        Map<ExerciseSide, Integer> lastSevenDays = new HashMap<>();
        Instant windowStart =
                now.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .minusDays(6)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        for (Logged logged : sessions) {
            int week = calendar.countingWeekOf(logged.at().atZone(ZoneOffset.UTC).toLocalDate());
            tallies.compute(
                    week + "/" + logged.exercise(),
                    (k, t) ->
                            (t == null ? WeekTally.empty(week, logged.exercise(), 0) : t)
                                    .plus(logged.session(), RULES.painLimit()));
            if (!logged.at().isBefore(windowStart) && !logged.at().isAfter(now)) {
                lastSevenDays.merge(logged.exercise(), 1, Integer::sum);
            }
        }
        return analysis.snapshot(plan, List.copyOf(tallies.values()), lastSevenDays, now);
    }

    private static List<String> keys(ProgressSnapshot a) {
        return a.alerts().stream().map(ProgressAlert::key).toList();
    }

    /** The event published for an alert found by the evaluation at {@code at}. */
    private static PatientEvent event(ProgressAlert alert, Instant at) {
        return AlertEvents.of(REF.planId(), REF.clinicId(), REF.patientRef(), alert, at);
    }
}
