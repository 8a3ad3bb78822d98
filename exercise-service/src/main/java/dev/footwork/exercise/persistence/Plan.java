package dev.footwork.exercise.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's exercise plan at its current revision; {@link #content} is the whole plan as JSON.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id public UUID id;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    public int revision;

    public String status;

    @Column(name = "rules_version")
    public String rulesVersion;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    /** The {@code PlanContent} of the event contracts, as JSON. */
    public String content;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Plan> findInClinic(String clinicId, UUID id) {
        return find("clinicId = ?1 and id = ?2", clinicId, id).firstResultOptional();
    }

    public static Optional<Plan> activeOf(String clinicId, String patientRef) {
        return find(
                        "clinicId = ?1 and patientRef = ?2 and status = ?3",
                        clinicId,
                        patientRef,
                        ACTIVE)
                .firstResultOptional();
    }

    public static boolean existsForAssessment(String clinicId, UUID assessmentId) {
        return count("clinicId = ?1 and assessmentId = ?2", clinicId, assessmentId) > 0;
    }
}
