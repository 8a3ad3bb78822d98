package dev.footwork.progress.persistence;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.WeekTally;
import dev.footwork.support.persistence.ArrayStatement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The stored {@link WeekTally} of one plan week, exercise and foot. */
@Entity
@Table(name = "progress_week")
@IdClass(ProgressWeek.Key.class)
public class ProgressWeek extends PanacheEntityBase {

    /** The primary key; a plan id is unique within its clinic only. */
    public static class Key implements Serializable {
        public String clinicId;
        public UUID planId;
        public int week;
        public ExerciseId exerciseId;
        public Side side;

        public Key() {}

        public Key(String clinicId, UUID planId, int week, ExerciseSide exercise) {
            this.clinicId = clinicId;
            this.planId = planId;
            this.week = week;
            this.exerciseId = exercise.exerciseId();
            this.side = exercise.side();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && week == key.week
                    && Objects.equals(clinicId, key.clinicId)
                    && Objects.equals(planId, key.planId)
                    && exerciseId == key.exerciseId
                    && side == key.side;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, planId, week, exerciseId, side);
        }
    }

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @Id
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id public int week;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "exercise_id")
    public ExerciseId exerciseId;

    @Id
    @Enumerated(EnumType.STRING)
    public Side side;

    public int prescribed;
    public int completed;

    @Column(name = "total_reps")
    public long totalReps;

    public long volume;

    @Column(name = "pain_sum")
    public long painSum;

    @Column(name = "pain_max")
    public int painMax;

    @Column(name = "pain_above")
    public int painAbove;

    /** The plan's tallies, at most weeks x exercises x feet rows whatever the sessions logged. */
    public static List<ProgressWeek> ofPlan(UUID planId) {
        return list("planId", planId);
    }

    /**
     * The tallies of several plans (or one), in one query, as values: the session does not manage
     * them, so that a batch reading many plans' weeks keeps its session small. A plan with none is
     * absent.
     */
    public static Map<UUID, List<WeekTally>> talliesOf(Collection<UUID> planIds) {
        List<Object[]> rows =
                getEntityManager()
                        .createQuery(
                                "select w.planId, w.week, w.exerciseId, w.side, w.prescribed,"
                                        + " w.completed, w.totalReps, w.volume, w.painSum,"
                                        + " w.painMax, w.painAbove from ProgressWeek w where"
                                        + " w.planId in ?1",
                                Object[].class)
                        .setParameter(1, planIds)
                        .getResultList();
        Map<UUID, List<WeekTally>> byPlan = new HashMap<>();
        for (Object[] row : rows) {
            byPlan.computeIfAbsent((UUID) row[0], plan -> new ArrayList<>())
                    .add(
                            new WeekTally(
                                    (Integer) row[1],
                                    new ExerciseSide((ExerciseId) row[2], (Side) row[3]),
                                    (Integer) row[4],
                                    (Integer) row[5],
                                    (Long) row[6],
                                    (Long) row[7],
                                    (Long) row[8],
                                    (Integer) row[9],
                                    (Integer) row[10]));
        }
        return byPlan;
    }

    /**
     * Adds sums of sessions to the rows they belong to, in one statement whatever their number:
     * each {@link WeekTally} holds what to add (a sum from {@link WeekTally#empty} with prescribed
     * 0), a missing row is created with it. All of one clinic. Plain SQL: the caller's session must
     * not hold any of these rows, or its copy would be stale and written back over the sums.
     */
    public static void addAll(Map<Key, WeekTally> sums) {
        int n = sums.size();
        String clinicId = null;
        UUID[] plans = new UUID[n];
        Integer[] weeks = new Integer[n];
        String[] exercises = new String[n];
        String[] sides = new String[n];
        Integer[] completed = new Integer[n];
        Long[] totalReps = new Long[n];
        Long[] volume = new Long[n];
        Long[] painSum = new Long[n];
        Integer[] painMax = new Integer[n];
        Integer[] painAbove = new Integer[n];
        int i = 0;
        for (Map.Entry<Key, WeekTally> sum : sums.entrySet()) {
            Key key = sum.getKey();
            WeekTally add = sum.getValue();
            if (clinicId == null) {
                clinicId = key.clinicId;
            } else if (!clinicId.equals(key.clinicId)) {
                throw new IllegalArgumentException("rows of two clinics in one statement");
            }
            plans[i] = key.planId;
            weeks[i] = key.week;
            exercises[i] = key.exerciseId.name();
            sides[i] = key.side.name();
            completed[i] = add.completed();
            totalReps[i] = add.totalReps();
            volume[i] = add.volume();
            painSum[i] = add.painSum();
            painMax[i] = add.painMax();
            painAbove[i] = add.painAbove();
            i++;
        }
        ArrayStatement.on(
                        getEntityManager(),
                        "insert into progress_week as w (clinic_id, plan_id,"
                                + " week, exercise_id, side, prescribed, completed,"
                                + " total_reps, volume, pain_sum, pain_max,"
                                + " pain_above) select ?, p, wk, e, s, 0, c, r, v,"
                                + " ps, pm, pa from unnest(?::uuid[], ?::int[],"
                                + " ?::text[], ?::text[], ?::int[], ?::bigint[],"
                                + " ?::bigint[], ?::bigint[], ?::int[], ?::int[])"
                                + " as t(p, wk, e, s, c, r, v, ps, pm, pa) on"
                                + " conflict (clinic_id, plan_id, week,"
                                + " exercise_id, side) do update set completed ="
                                + " w.completed + excluded.completed, total_reps ="
                                + " w.total_reps + excluded.total_reps, volume ="
                                + " w.volume + excluded.volume, pain_sum ="
                                + " w.pain_sum + excluded.pain_sum, pain_max ="
                                + " greatest(w.pain_max, excluded.pain_max),"
                                + " pain_above = w.pain_above +"
                                + " excluded.pain_above")
                .param(clinicId)
                .array("uuid", plans)
                .array("int4", weeks)
                .array("text", exercises)
                .array("text", sides)
                .array("int4", completed)
                .array("int8", totalReps)
                .array("int8", volume)
                .array("int8", painSum)
                .array("int4", painMax)
                .array("int4", painAbove)
                .execute();
    }

    /** Whether the plan has a row of the exercise and foot, in any week. */
    public static boolean anyOf(UUID planId, ExerciseSide exercise) {
        return count(
                        "planId = ?1 and exerciseId = ?2 and side = ?3",
                        planId,
                        exercise.exerciseId(),
                        exercise.side())
                > 0;
    }

    public ExerciseSide exercise() {
        return new ExerciseSide(exerciseId, side);
    }

    public WeekTally tally() {
        return new WeekTally(
                week,
                exercise(),
                prescribed,
                completed,
                totalReps,
                volume,
                painSum,
                painMax,
                painAbove);
    }

    public void apply(WeekTally tally) {
        prescribed = tally.prescribed();
        completed = tally.completed();
        totalReps = tally.totalReps();
        volume = tally.volume();
        painSum = tally.painSum();
        painMax = tally.painMax();
        painAbove = tally.painAbove();
    }
}
