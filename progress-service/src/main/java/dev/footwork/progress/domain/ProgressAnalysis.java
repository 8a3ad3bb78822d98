package dev.footwork.progress.domain;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.Phase;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.domain.ProgressSnapshot.ExerciseTotals;
import dev.footwork.progress.domain.ProgressSnapshot.ExerciseWeek;
import dev.footwork.progress.domain.ProgressSnapshot.WeekFigures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges a plan's progress from its weekly tallies, so that the cost depends on the plan's length
 * and never on how many sessions were logged. The formulas are those of the module README.
 */
public final class ProgressAnalysis {

    private final ProgressRules rules;

    public ProgressAnalysis(ProgressRules rules) {
        this.rules = rules;
    }

    public ProgressRules rules() {
        return rules;
    }

    /**
     * Takes a plan's progress snapshot at {@code now}.
     *
     * @param tallies the plan's week tallies, in any order
     * @param lastSevenDays sessions done per exercise and foot in the last seven days (today and
     *     the six days before, in the clinic's zone)
     */
    public ProgressSnapshot snapshot(
            PlanContent plan,
            List<WeekTally> tallies,
            Map<ExerciseSide, Integer> lastSevenDays,
            Instant now) {
        PlanCalendar calendar = new PlanCalendar(plan);
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        int currentWeek = calendar.weekOf(today);
        Map<Integer, List<WeekTally>> byWeek =
                tallies.stream()
                        .collect(
                                Collectors.groupingBy(
                                        WeekTally::week, TreeMap::new, Collectors.toList()));
        int lastWeek =
                Math.max(
                        plan.weeks(),
                        byWeek.isEmpty() ? 0 : ((TreeMap<Integer, ?>) byWeek).lastKey());

        List<WeekFigures> weeks = new ArrayList<>();
        int prescribedToDate = 0;
        int creditedToDate = 0;
        for (int week = 1; week <= lastWeek; week++) {
            List<WeekTally> rows = byWeek.getOrDefault(week, List.of());
            weeks.add(weekFigures(calendar, week, rows, currentWeek));
            for (WeekTally row : rows) {
                int due = dueSoFar(calendar, row, currentWeek, today);
                prescribedToDate += due;
                creditedToDate += row.credited(due);
            }
        }

        Double lastSeven = lastSevenDays(calendar, lastSevenDays, today);
        Phase phase =
                plan.phases().stream()
                        .filter(p -> p.number() == plan.currentPhase())
                        .findFirst()
                        .orElse(null);
        LocalDate nextReassessment =
                plan.reassessmentDates().stream()
                        .filter(
                                d ->
                                        !d.plusDays(rules.reassessmentWindow().toDays())
                                                .isBefore(today))
                        .min(Comparator.naturalOrder())
                        .orElse(null);
        PainTrend trend = trend(weeks, currentWeek);

        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (painAboveIn(weeks, currentWeek) > 0
                || painAboveIn(weeks, currentWeek - 1) > 0
                || trend == PainTrend.RISING) {
            flags.add(Flag.PAIN);
        }
        boolean pastGrace = currentWeek > rules.adherenceGraceWeeks();
        if (pastGrace && lastSeven != null && lastSeven < rules.adherenceDropPercent()) {
            flags.add(Flag.LOW_ADHERENCE);
        }
        if (nextReassessment != null && !nextReassessment.isAfter(today)) {
            flags.add(Flag.REASSESSMENT_DUE);
        }
        int risk =
                flags.stream().mapToInt(Flag::weight).sum()
                        + (lastSeven == null ? 0 : (int) Math.round((100 - lastSeven) / 10));

        List<ProgressAlert> alerts =
                plan.status() == PlanStatus.ACTIVE
                        ? alerts(calendar, weeks, phase, lastSeven, pastGrace, currentWeek, today)
                        : List.of();

        long completed = tallies.stream().mapToLong(WeekTally::completed).sum();
        long painSum = tallies.stream().mapToLong(WeekTally::painSum).sum();
        return new ProgressSnapshot(
                currentWeek,
                plan.currentPhase(),
                phase == null ? null : phase.name(),
                (int) completed,
                prescribedToDate,
                creditedToDate,
                percent(creditedToDate, prescribedToDate),
                lastSeven,
                tallies.stream().mapToLong(WeekTally::totalReps).sum(),
                tallies.stream().mapToLong(WeekTally::volume).sum(),
                mean(painSum, completed),
                tallies.stream().mapToInt(WeekTally::painMax).max().orElse(0),
                tallies.stream().mapToInt(WeekTally::painAbove).sum(),
                trend,
                streak(weeks, currentWeek),
                nextReassessment,
                flags,
                risk,
                weeks,
                exerciseTotals(tallies),
                alerts);
    }

    /**
     * The first instant after {@code now} at which the plan's snapshot can differ from its snapshot
     * at {@code now} with nothing logged and nothing revised: the day a plan week starts (the
     * current week, the phase that ended, the weeks compared for pain and streak move on, after the
     * plan's end too), a scheduled session day within the plan's weeks (one more session due this
     * week), a re-assessment date and the day after its window, and for each session counted in the
     * 7-day window the instant it enters it (a session logged ahead of time) and the day it leaves
     * it. Days start at midnight in the clinic's zone. Never more than a week ahead.
     *
     * @param countedSinceWindowStart when the sessions counted in the plan were done, for those
     *     done from the first day of the 7-day window of {@code now} on (later ones included);
     *     earlier ones may be given too, they change nothing
     */
    public Instant nextChange(
            PlanContent plan, Collection<Instant> countedSinceWindowStart, Instant now) {
        ZoneId zone = rules.zone();
        PlanCalendar calendar = new PlanCalendar(plan);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate next = calendar.firstDayOf(calendar.weekOf(today) + 1);
        Set<DayOfWeek> sessionDays = EnumSet.noneOf(DayOfWeek.class);
        plan.feet().forEach(foot -> sessionDays.addAll(foot.sessionDays()));
        LocalDate lastDay = calendar.lastDayOf(plan.weeks());
        for (LocalDate day = today.plusDays(1);
                day.isBefore(next) && !day.isAfter(lastDay);
                day = day.plusDays(1)) {
            if (!day.isBefore(plan.startsOn()) && sessionDays.contains(day.getDayOfWeek())) {
                next = day;
                break;
            }
        }
        long window = rules.reassessmentWindow().toDays();
        for (LocalDate due : plan.reassessmentDates()) {
            for (LocalDate day : List.of(due, due.plusDays(window + 1))) {
                if (day.isAfter(today) && day.isBefore(next)) {
                    next = day;
                }
            }
        }
        Instant change = next.atStartOfDay(zone).toInstant();
        for (Instant done : countedSinceWindowStart) {
            Instant leaves =
                    done.atZone(zone).toLocalDate().plusDays(7).atStartOfDay(zone).toInstant();
            for (Instant at : List.of(done, leaves)) {
                if (at.isAfter(now) && at.isBefore(change)) {
                    change = at;
                }
            }
        }
        return change;
    }

    private List<ProgressAlert> alerts(
            PlanCalendar calendar,
            List<WeekFigures> weeks,
            Phase phase,
            Double lastSeven,
            boolean pastGrace,
            int currentWeek,
            LocalDate today) {
        List<ProgressAlert> alerts = new ArrayList<>();
        if (phase != null && today.isAfter(calendar.lastDayOf(phase.toWeek()))) {
            List<WeekFigures> inPhase =
                    weeks.stream()
                            .filter(w -> w.week() >= phase.fromWeek() && w.week() <= phase.toWeek())
                            .toList();
            int prescribed = inPhase.stream().mapToInt(WeekFigures::prescribedSessions).sum();
            int credited = inPhase.stream().mapToInt(ProgressAnalysis::credited).sum();
            Double adherence = percent(credited, prescribed);
            int maxPain = inPhase.stream().mapToInt(WeekFigures::maxPain).max().orElse(0);
            boolean painKept =
                    maxPain <= rules.painLimit()
                            && inPhase.stream().noneMatch(w -> rose(weeks, w.week()));
            if (adherence != null && adherence >= rules.phaseAdherencePercent() && painKept) {
                alerts.add(new ProgressAlert.PhaseCompleted(phase.number(), adherence, maxPain));
            }
        }
        if (pastGrace && lastSeven != null && lastSeven < rules.adherenceDropPercent()) {
            alerts.add(
                    new ProgressAlert.AdherenceDropped(
                            currentWeek, 7, lastSeven, rules.adherenceDropPercent()));
        }
        for (int week = Math.max(1, currentWeek - 1); week <= currentWeek; week++) {
            WeekFigures figures = week(weeks, week);
            if (figures != null && figures.sessionsAbovePainLimit() > 0) {
                alerts.add(new ProgressAlert.PainAboveLimit(week, figures.maxPain()));
            }
        }
        int ended = currentWeek - 1;
        if (rose(weeks, ended)) {
            alerts.add(new ProgressAlert.PainRising(ended, week(weeks, ended).meanPain()));
        }
        for (LocalDate due : calendar.plan().reassessmentDates()) {
            if (!due.isAfter(today)
                    && !due.plusDays(rules.reassessmentWindow().toDays()).isBefore(today)) {
                alerts.add(new ProgressAlert.ReassessmentDue(due));
            }
        }
        return alerts;
    }

    private WeekFigures weekFigures(
            PlanCalendar calendar, int week, List<WeekTally> rows, int currentWeek) {
        List<ExerciseWeek> exercises =
                rows.stream()
                        .sorted(
                                Comparator.comparing((WeekTally t) -> t.exercise().side())
                                        .thenComparing(t -> t.exercise().exerciseId()))
                        .map(
                                t ->
                                        new ExerciseWeek(
                                                t.exercise().exerciseId(),
                                                t.exercise().side(),
                                                t.prescribed(),
                                                t.completed(),
                                                week > currentWeek
                                                        ? null
                                                        : percent(
                                                                t.credited(t.prescribed()),
                                                                t.prescribed()),
                                                t.totalReps(),
                                                t.volume()))
                        .toList();
        int prescribed = rows.stream().mapToInt(WeekTally::prescribed).sum();
        int completed = rows.stream().mapToInt(WeekTally::completed).sum();
        int credited = rows.stream().mapToInt(t -> t.credited(t.prescribed())).sum();
        return new WeekFigures(
                week,
                calendar.firstDayOf(week),
                calendar.lastDayOf(week),
                calendar.phaseOf(week).map(Phase::number).orElse(0),
                prescribed,
                completed,
                week > currentWeek ? null : percent(credited, prescribed),
                rows.stream().mapToLong(WeekTally::totalReps).sum(),
                rows.stream().mapToLong(WeekTally::volume).sum(),
                mean(rows.stream().mapToLong(WeekTally::painSum).sum(), completed),
                rows.stream().mapToInt(WeekTally::painMax).max().orElse(0),
                rows.stream().mapToInt(WeekTally::painAbove).sum(),
                exercises);
    }

    /**
     * Sessions of a tally due by {@code today}: all of an ended week, the scheduled days so far of
     * the current one.
     */
    private static int dueSoFar(
            PlanCalendar calendar, WeekTally row, int currentWeek, LocalDate today) {
        if (row.week() < currentWeek) {
            return row.prescribed();
        }
        if (row.week() > currentWeek) {
            return 0;
        }
        int scheduledSoFar =
                calendar.scheduledDays(row.exercise(), calendar.firstDayOf(row.week()), today);
        return Math.min(row.prescribed(), scheduledSoFar);
    }

    private static Double lastSevenDays(
            PlanCalendar calendar, Map<ExerciseSide, Integer> done, LocalDate today) {
        int due = 0;
        int credited = 0;
        for (Map.Entry<ExerciseSide, Integer> prescribed :
                calendar.weeklyPrescription().entrySet()) {
            int dueHere =
                    Math.min(
                            prescribed.getValue(),
                            calendar.scheduledDays(prescribed.getKey(), today.minusDays(6), today));
            due += dueHere;
            credited += Math.min(done.getOrDefault(prescribed.getKey(), 0), dueHere);
        }
        return percent(credited, due);
    }

    /** The two most recent weeks with sessions, up to the current one, compared by mean pain. */
    private PainTrend trend(List<WeekFigures> weeks, int currentWeek) {
        List<WeekFigures> withSessions =
                weeks.stream()
                        .filter(w -> w.week() <= currentWeek && w.meanPain() != null)
                        .toList();
        if (withSessions.size() < 2) {
            return PainTrend.UNKNOWN;
        }
        double change =
                withSessions.get(withSessions.size() - 1).meanPain()
                        - withSessions.get(withSessions.size() - 2).meanPain();
        if (change >= rules.painRiseLimit()) {
            return PainTrend.RISING;
        }
        return change <= -rules.painRiseLimit() ? PainTrend.FALLING : PainTrend.STEADY;
    }

    /** Whether a week's mean pain is above the previous week's by the rise limit or more. */
    private boolean rose(List<WeekFigures> weeks, int week) {
        WeekFigures now = week(weeks, week);
        WeekFigures before = week(weeks, week - 1);
        return now != null
                && before != null
                && now.meanPain() != null
                && before.meanPain() != null
                && now.meanPain() - before.meanPain() >= rules.painRiseLimit();
    }

    private int streak(List<WeekFigures> weeks, int currentWeek) {
        int streak = 0;
        WeekFigures current = week(weeks, currentWeek);
        if (current != null && meetsStreak(current)) {
            streak++;
        }
        for (int week = currentWeek - 1; week >= 1; week--) {
            WeekFigures figures = week(weeks, week);
            if (figures == null || figures.prescribedSessions() == 0) {
                continue; // nothing asked (a pause): neither kept nor broken
            }
            if (!meetsStreak(figures)) {
                break;
            }
            streak++;
        }
        return streak;
    }

    private boolean meetsStreak(WeekFigures week) {
        return week.adherencePercent() != null
                && week.adherencePercent() >= rules.streakAdherencePercent();
    }

    private static List<ExerciseTotals> exerciseTotals(List<WeekTally> tallies) {
        Map<ExerciseSide, long[]> sums = new LinkedHashMap<>();
        tallies.stream()
                .sorted(
                        Comparator.comparing((WeekTally t) -> t.exercise().side())
                                .thenComparing(t -> t.exercise().exerciseId()))
                .forEach(
                        t -> {
                            long[] sum = sums.computeIfAbsent(t.exercise(), k -> new long[3]);
                            sum[0] += t.completed();
                            sum[1] += t.totalReps();
                            sum[2] += t.volume();
                        });
        return sums.entrySet().stream()
                .map(
                        e ->
                                new ExerciseTotals(
                                        e.getKey().exerciseId(),
                                        e.getKey().side(),
                                        (int) e.getValue()[0],
                                        e.getValue()[1],
                                        e.getValue()[2]))
                .toList();
    }

    private static int credited(WeekFigures week) {
        return week.exercises().stream()
                .mapToInt(e -> Math.min(e.completedSessions(), e.prescribedSessions()))
                .sum();
    }

    private static int painAboveIn(List<WeekFigures> weeks, int week) {
        WeekFigures figures = week(weeks, week);
        return figures == null ? 0 : figures.sessionsAbovePainLimit();
    }

    private static WeekFigures week(List<WeekFigures> weeks, int week) {
        return week >= 1 && week <= weeks.size() ? weeks.get(week - 1) : null;
    }

    /** A share as a percentage with one decimal, or null when nothing was due. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    static Double mean(long sum, long count) {
        return count == 0 ? null : Math.round(10.0 * sum / count) / 10.0;
    }
}
