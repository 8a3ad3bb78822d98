package dev.footwork.progress.persistence;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.Session;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

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

    /** Completions waiting for their plan to arrive. */
    public static List<Completion> waitingFor(UUID planId) {
        return list("planId = ?1 and week is null", planId);
    }

    /** A counted session's exercise and foot and when it was done. */
    public record Counted(ExerciseSide exercise, Instant completedAt) {}

    /**
     * The sessions counted in the plan done from {@code from} on, later ones included (weeks from
     * 1: the partial index on counted completions serves it).
     */
    public static List<Counted> countedSince(UUID planId, Instant from) {
        return getEntityManager()
                .createQuery(
                        "select c.exerciseId, c.side, c.completedAt from Completion c where"
                                + " c.planId = ?1 and c.week > 0 and c.completedAt >= ?2",
                        Object[].class)
                .setParameter(1, planId)
                .setParameter(2, from)
                .getResultList()
                .stream()
                .map(
                        row ->
                                new Counted(
                                        new ExerciseSide((ExerciseId) row[0], (Side) row[1]),
                                        (Instant) row[2]))
                .toList();
    }
}
