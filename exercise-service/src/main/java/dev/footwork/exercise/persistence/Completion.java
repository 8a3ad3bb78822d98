package dev.footwork.exercise.persistence;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.Side;
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
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One logged session of one exercise on one foot. */
@Entity
@Table(name = "completion")
@IdClass(Completion.Key.class)
public class Completion extends PanacheEntityBase {

    /**
     * The primary key: the completion id is chosen by the patient's app or the clinic's platform,
     * so it is unique within its clinic only (migration {@code V6}); another clinic's id is a
     * completion of its own.
     */
    public record Key(String clinicId, UUID id) implements Serializable {}

    @Id public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "plan_revision")
    public int planRevision;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @Id
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    /** The exercise's stable id, e.g. {@code towel-grab}. */
    @Column(name = "exercise_id")
    public String exerciseId;

    @Enumerated(EnumType.STRING)
    public Side side;

    public int sets;

    public int reps;

    @Column(name = "hold_seconds")
    public int holdSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "band_colour")
    public BandColour bandColour;

    public int pain;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The clinic's completion of that id. */
    public static Optional<Completion> byId(String clinicId, UUID id) {
        return findByIdOptional(new Key(clinicId, id));
    }

    /** One page of a plan's completions, latest session first. */
    public static List<Completion> ofPlan(UUID planId, int page, int size) {
        return find("planId = ?1 order by completedAt desc, id", planId).page(page, size).list();
    }
}
