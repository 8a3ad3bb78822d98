package dev.footwork.progress.application;

import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressRules;
import dev.footwork.progress.domain.WeekTally;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.ProgressWeek;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A plan's weekly tallies as {@link ApplyPlan} and {@link ApplyCompletion} change them. Every
 * change to one plan first takes {@link #lock}, so replicas and the plan and completion consumers
 * never interleave on a plan.
 */
@ApplicationScoped
class PlanTallies {

    private final ProgressRules rules;

    PlanTallies(ProgressAnalysis analysis) {
        this.rules = analysis.rules();
    }

    /**
     * The plan's progress row in its clinic, locked. Another clinic's plan of the same id is
     * another plan, with rows of its own.
     */
    PlanProgress lock(UUID planId, String clinicId, String patientRef) {
        return PlanProgress.lock(planId, clinicId, patientRef);
    }

    /**
     * The progress rows of several plans of the caller's clinic, locked; a plan without one gets
     * one for the patient {@code patients} names.
     */
    Map<UUID, PlanProgress> lockAll(String clinicId, Map<UUID, String> patients) {
        return PlanProgress.lockAll(clinicId, patients);
    }

    /**
     * Sets the sessions a plan prescribes from {@code fromWeek} on; rows of weeks after the plan
     * (sessions logged late) ask for nothing.
     */
    void prescribe(KnownPlan plan, PlanCalendar calendar, int fromWeek) {
        Map<ExerciseSide, Integer> weekly = calendar.weeklyPrescription();
        Map<ProgressWeek.Key, ProgressWeek> rows = new HashMap<>();
        for (ProgressWeek row : ProgressWeek.ofPlan(plan.planId)) {
            rows.put(new ProgressWeek.Key(row.clinicId, row.planId, row.week, row.exercise()), row);
        }
        int lastWeek = calendar.plan().weeks();
        for (ProgressWeek.Key key : rows.keySet()) {
            lastWeek = Math.max(lastWeek, key.week);
        }
        for (int week = fromWeek; week <= lastWeek; week++) {
            Set<ExerciseSide> exercises = new LinkedHashSet<>(weekly.keySet());
            for (ProgressWeek.Key key : rows.keySet()) {
                if (key.week == week) {
                    exercises.add(new ExerciseSide(key.exerciseId, key.side));
                }
            }
            for (ExerciseSide exercise : exercises) {
                int sessions =
                        week <= calendar.plan().weeks() ? weekly.getOrDefault(exercise, 0) : 0;
                ProgressWeek row =
                        rows.get(new ProgressWeek.Key(plan.clinicId, plan.planId, week, exercise));
                if (row == null && sessions > 0) {
                    newRow(plan.planId, plan.clinicId, week, exercise, sessions).persist();
                } else if (row != null) {
                    row.prescribed = sessions;
                }
            }
        }
    }

    /** Counts a stored completion, within its plan ({@link PlanBounds}), in the week of its day. */
    void count(Completion completion, PlanCalendar calendar) {
        completion.week = weekOf(completion, calendar);
        add(completion);
    }

    /** The plan week a completion within its plan ({@link PlanBounds}) counts in. */
    int weekOf(Completion completion, PlanCalendar calendar) {
        return calendar.sessionWeekOf(completion.completedAt.atZone(rules.zone()).toLocalDate());
    }

    /**
     * Adds a completion to the tally of its {@link Completion#week}. The row is found once per
     * transaction (then from the persistence context) and written once, when the transaction
     * flushes.
     */
    void add(Completion completion) {
        ProgressWeek.Key key = keyOf(completion);
        ProgressWeek row = ProgressWeek.findById(key);
        boolean fresh = row == null;
        if (fresh) {
            row = newRow(key.planId, key.clinicId, key.week, completion.exercise(), 0);
        }
        row.apply(row.tally().plus(completion.session(), rules.painLimit()));
        if (fresh) {
            row.persist(); // with its tally: an insert, no update after it
        }
    }

    /**
     * Adds completions to the tallies of their weeks, as {@link #add} does each: summed per plan
     * week, exercise and foot, then added to the rows in one statement (a missing row is created).
     * The caller's session must not hold any of those rows: their writes would go around it.
     */
    void addAll(List<Completion> completions) {
        Map<ProgressWeek.Key, WeekTally> sums = new LinkedHashMap<>();
        for (Completion completion : completions) {
            ProgressWeek.Key key = keyOf(completion);
            WeekTally sum = sums.get(key);
            if (sum == null) {
                sum = WeekTally.empty(key.week, completion.exercise(), 0);
            }
            sums.put(key, sum.plus(completion.session(), rules.painLimit()));
        }
        if (!sums.isEmpty()) {
            ProgressWeek.addAll(sums);
        }
    }

    private static ProgressWeek.Key keyOf(Completion completion) {
        return new ProgressWeek.Key(
                completion.clinicId, completion.planId, completion.week, completion.exercise());
    }

    private static ProgressWeek newRow(
            UUID planId, String clinicId, int week, ExerciseSide exercise, int sessions) {
        ProgressWeek row = new ProgressWeek();
        row.planId = planId;
        row.clinicId = clinicId;
        row.week = week;
        row.exerciseId = exercise.exerciseId();
        row.side = exercise.side();
        row.prescribed = sessions;
        return row;
    }
}
