package dev.footwork.progress.persistence;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.WeekTally;
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
     * The tallies of several plans, in one query, as values: the session does not manage them, so
     * that a batch reading many plans' weeks keeps its session small. A plan with none is absent.
     */
    public static Map<UUID, List<WeekTally>> talliesOf(Collection<UUID> planIds) {
        Map<UUID, List<WeekTally>> byPlan = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select w.planId, w.week, w.exerciseId, w.side, w.prescribed, w.completed,"
                                + " w.totalReps, w.volume, w.painSum, w.painMax, w.painAbove from"
                                + " ProgressWeek w where w.planId in ?1",
                        Object[].class)
                .setParameter(1, planIds)
                .getResultList()
                .forEach(
                        row ->
                                byPlan.computeIfAbsent((UUID) row[0], plan -> new ArrayList<>())
                                        .add(
                                                new WeekTally(
                                                        (Integer) row[1],
                                                        new ExerciseSide(
                                                                (ExerciseId) row[2], (Side) row[3]),
                                                        (Integer) row[4],
                                                        (Integer) row[5],
                                                        (Long) row[6],
                                                        (Long) row[7],
                                                        (Long) row[8],
                                                        (Integer) row[9],
                                                        (Integer) row[10])));
        return byPlan;
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
