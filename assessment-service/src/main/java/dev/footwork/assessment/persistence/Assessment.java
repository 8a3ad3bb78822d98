package dev.footwork.assessment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A stored assessment of one patient: what was measured and how each foot was classified. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id public UUID id;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    public String assessor;

    @Column(name = "rule_set_version")
    public String ruleSetVersion;

    @Column(name = "previous_assessment_id")
    public UUID previousAssessmentId;

    public boolean asymmetry;

    @Column(name = "weekly_distance_km")
    public BigDecimal weeklyDistanceKm;

    @Column(name = "shoe_type")
    public String shoeType;

    /** Free text from the clinician: stored and shown to the clinic, never published. */
    public String notes;

    /** The assessment that replaced this one as the patient's current one. */
    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "foot_assessment", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderBy("side")
    public List<FootResult> feet = new ArrayList<>();

    // Every query below sees the current clinic's rows only: clinicId is the @TenantId.

    public static Optional<Assessment> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** One page of a patient's assessments, newest first. */
    public static List<Assessment> pageOf(String patientRef, int page, int size) {
        return find("patientRef", Sort.descending("assessedAt", "createdAt"), patientRef)
                .page(page, size)
                .list();
    }

    /**
     * The patient's assessments (a query of its own: Panache's count is translated anew each call).
     */
    public static long countOf(String patientRef) {
        return getEntityManager()
                .createQuery(
                        "select count(a) from Assessment a where a.patientRef = ?1", Long.class)
                .setParameter(1, patientRef)
                .getSingleResult();
    }

    /** The id of the patient's most recent assessment, the one a new assessment supersedes. */
    public static Optional<UUID> latestIdOf(String patientRef) {
        return getEntityManager()
                .createQuery(
                        "select a.id from Assessment a where a.patientRef = ?1"
                                + " order by a.assessedAt desc, a.createdAt desc",
                        UUID.class)
                .setParameter(1, patientRef)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Marks an assessment superseded without loading it (and its feet). */
    public static void markSuperseded(UUID id, UUID by) {
        update("supersededBy = ?1 where id = ?2", by, id);
    }
}
