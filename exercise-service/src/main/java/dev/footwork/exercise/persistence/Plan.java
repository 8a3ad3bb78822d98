package dev.footwork.exercise.persistence;

import dev.footwork.contracts.events.PlanContent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's exercise plan at its latest revision; earlier revisions are {@link PlanRevision}s.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    private static final List<String> CURRENT =
            List.of(PlanContent.PlanStatus.ACTIVE.name(), PlanContent.PlanStatus.PAUSED.name());

    @Id public UUID id;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    public int revision;

    /** The {@link PlanContent.PlanStatus} name, kept in a column for the one-current-plan index. */
    public String status;

    @Column(name = "rules_version")
    public String rulesVersion;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Convert(converter = PlanContentConverter.class)
    public PlanContent content;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Plan> findInClinic(String clinicId, UUID id) {
        return find("clinicId = ?1 and id = ?2", clinicId, id).firstResultOptional();
    }

    /** The plan locked for update, so that concurrent revisions apply one after the other. */
    public static Optional<Plan> lockInClinic(String clinicId, UUID id) {
        return find("clinicId = ?1 and id = ?2", clinicId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The patient's active or paused plan. */
    public static Optional<Plan> currentOf(String clinicId, String patientRef) {
        return find(
                        "clinicId = ?1 and patientRef = ?2 and status in ?3",
                        clinicId,
                        patientRef,
                        CURRENT)
                .firstResultOptional();
    }

    /** The patient's active or paused plan, locked for update. */
    public static Optional<Plan> lockCurrentOf(String clinicId, String patientRef) {
        return find(
                        "clinicId = ?1 and patientRef = ?2 and status in ?3",
                        clinicId,
                        patientRef,
                        CURRENT)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The patient's plans, newest first. */
    public static List<Plan> historyOf(String clinicId, String patientRef) {
        return list(
                "clinicId = ?1 and patientRef = ?2 order by issuedAt desc, id",
                clinicId,
                patientRef);
    }

    public static Optional<Plan> supersededBy(UUID planId) {
        return find("supersedesId", planId).firstResultOptional();
    }

    public static boolean existsForAssessment(String clinicId, UUID assessmentId) {
        return count("clinicId = ?1 and assessmentId = ?2", clinicId, assessmentId) > 0;
    }
}
