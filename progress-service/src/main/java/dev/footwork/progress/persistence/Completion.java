package dev.footwork.progress.persistence;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.Session;
import dev.footwork.support.persistence.ArrayStatement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.query.NativeQuery;

/**
 * A logged session, stored once by its clinic and completion id; counted in a week once its plan is
 * known.
 */
@Entity
@Table(name = "completion")
@IdClass(Completion.Key.class)
public class Completion extends PanacheEntityBase {

    /**
     * The primary key: the completion id is chosen by whoever logged the session, so it is unique
     * within its clinic only; the clinic is part of the id so that Hibernate's updates name it.
     */
    public record Key(String clinicId, UUID completionId) implements Serializable {}

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @Id
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Id
    @Column(name = "completion_id")
    public UUID completionId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "plan_id")
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "exercise_id")
    public ExerciseId exerciseId;

    @Enumerated(EnumType.STRING)
    public Side side;

    public int sets;
    public int reps;

    @Column(name = "hold_seconds")
    public int holdSeconds;

    public int pain;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /**
     * The plan week it was counted in; null while it waits for its plan (or for a revision that
     * prescribes it); {@link #OUTSIDE_PLAN} when its plan showed it out of bounds.
     */
    public Integer week;

    /** The {@link #week} of a completion its plan refused when it arrived: never counted. */
    public static final int OUTSIDE_PLAN = 0;

    public Session session() {
        return new Session(sets, reps, holdSeconds, pain);
    }

    public ExerciseSide exercise() {
        return new ExerciseSide(exerciseId, side);
    }

    /**
     * Stores this completion unless its clinic stored one of its id before, in one statement that
     * is both the check and the insert; true when stored. The row is written at once and this
     * object stays unmanaged: set {@link #week} first.
     */
    public boolean storeOnce() {
        return getEntityManager()
                        .createNativeQuery(
                                "insert into completion (completion_id, clinic_id, patient_ref,"
                                        + " plan_id, exercise_id, side, sets, reps, hold_seconds,"
                                        + " pain, completed_at, received_at, week) values (?1, ?2,"
                                        + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) on"
                                        + " conflict (clinic_id, completion_id) do nothing")
                        .unwrap(NativeQuery.class)
                        .setParameter(1, completionId)
                        .setParameter(2, clinicId)
                        .setParameter(3, patientRef)
                        .setParameter(4, planId)
                        .setParameter(5, exerciseId.name())
                        .setParameter(6, side.name())
                        .setParameter(7, sets)
                        .setParameter(8, reps)
                        .setParameter(9, holdSeconds)
                        .setParameter(10, pain)
                        .setParameter(11, completedAt)
                        .setParameter(12, receivedAt)
                        .setParameter(13, week, Integer.class)
                        // it reads no pending change: the transaction's changes wait for its end
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate()
                == 1;
    }

    /**
     * Stores several completions of the caller's clinic in one statement, each unless its clinic
     * stored one of its id before (or it comes again in {@code completions}); returns the ids
     * stored. The rows are written at once and the objects stay unmanaged: set {@link #week} first.
     */
    public static Set<UUID> storeAll(String clinicId, List<Completion> completions) {
        int n = completions.size();
        UUID[] ids = new UUID[n];
        String[] patients = new String[n];
        UUID[] plans = new UUID[n];
        String[] exercises = new String[n];
        String[] sides = new String[n];
        Integer[] sets = new Integer[n];
        Integer[] reps = new Integer[n];
        Integer[] holds = new Integer[n];
        Integer[] pains = new Integer[n];
        String[] completedAt = new String[n];
        String[] receivedAt = new String[n];
        Integer[] weeks = new Integer[n];
        for (int i = 0; i < n; i++) {
            Completion c = completions.get(i);
            ids[i] = c.completionId;
            patients[i] = c.patientRef;
            plans[i] = c.planId;
            exercises[i] = c.exerciseId.name();
            sides[i] = c.side.name();
            sets[i] = c.sets;
            reps[i] = c.reps;
            holds[i] = c.holdSeconds;
            pains[i] = c.pain;
            completedAt[i] = c.completedAt.toString();
            receivedAt[i] = c.receivedAt.toString();
            weeks[i] = c.week;
        }
        // plain JDBC: it leaves the session's pending changes for the transaction's end
        return ArrayStatement.on(
                        getEntityManager(),
                        "insert into completion (clinic_id, completion_id,"
                                + " patient_ref, plan_id, exercise_id, side,"
                                + " sets, reps, hold_seconds, pain,"
                                + " completed_at, received_at, week) select ?,"
                                + " * from unnest(?::uuid[], ?::text[],"
                                + " ?::uuid[], ?::text[], ?::text[], ?::int[],"
                                + " ?::int[], ?::int[], ?::int[],"
                                + " ?::timestamptz[], ?::timestamptz[],"
                                + " ?::int[]) on conflict (clinic_id,"
                                + " completion_id) do nothing returning"
                                + " completion_id")
                .param(clinicId)
                .array("uuid", ids)
                .array("text", patients)
                .array("uuid", plans)
                .array("text", exercises)
                .array("text", sides)
                .array("int4", sets)
                .array("int4", reps)
                .array("int4", holds)
                .array("int4", pains)
                .array("text", completedAt)
                .array("text", receivedAt)
                .array("int4", weeks)
                .query(row -> row.getObject(1, UUID.class));
    }

    /** Completions waiting for their plan to arrive. */
    public static List<Completion> waitingFor(UUID planId) {
        return list("planId = ?1 and week is null", planId);
    }

    /** A counted session's exercise and foot and when it was done. */
    public record Counted(ExerciseSide exercise, Instant completedAt) {}

    /**
     * The sessions counted in each of several plans (or one) done from {@code from} on, later ones
     * included, in one query (weeks from 1: the partial index on counted completions serves it); a
     * plan with none is absent.
     */
    public static Map<UUID, List<Counted>> countedSince(Collection<UUID> planIds, Instant from) {
        List<Object[]> rows =
                getEntityManager()
                        .createQuery(
                                "select c.planId, c.exerciseId, c.side, c.completedAt from"
                                        + " Completion c where c.planId in ?1 and c.week > 0 and"
                                        + " c.completedAt >= ?2",
                                Object[].class)
                        .setParameter(1, planIds)
                        .setParameter(2, from)
                        .getResultList();
        Map<UUID, List<Counted>> byPlan = new HashMap<>();
        for (Object[] row : rows) {
            byPlan.computeIfAbsent((UUID) row[0], plan -> new ArrayList<>())
                    .add(
                            new Counted(
                                    new ExerciseSide((ExerciseId) row[1], (Side) row[2]),
                                    (Instant) row[3]));
        }
        return byPlan;
    }
}
