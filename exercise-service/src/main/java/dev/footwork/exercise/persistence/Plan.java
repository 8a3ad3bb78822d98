package dev.footwork.exercise.persistence;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.support.json.PlanContentConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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
import org.hibernate.annotations.TenantId;

/**
 * A patient's exercise plan at its latest revision; earlier revisions are {@link PlanRevision}s.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    /**
     * The statuses of a current plan, as literals in the query. Not for Hibernate's cache of query
     * translations: with the {@code @TenantId} filter enabled on every session, Hibernate caches no
     * query's translation, with or without a collection parameter.
     */
    private static final String CURRENT =
            "status in ('"
                    + PlanContent.PlanStatus.ACTIVE.name()
                    + "', '"
                    + PlanContent.PlanStatus.PAUSED.name()
                    + "')";

    @Id public UUID id;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    /** When the assessment was made; with the previous assessment, what makes a plan newer. */
    @Column(name = "assessed_at")
    public Instant assessedAt;

    /** The assessment that {@link #assessmentId} superseded, when the classification said so. */
    @Column(name = "previous_assessment_id")
    public UUID previousAssessmentId;

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

    // Every query below sees the current clinic's rows only: clinicId is the @TenantId.

    public static Optional<Plan> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** The plan locked for update, so that concurrent revisions apply one after the other. */
    public static Optional<Plan> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The patient's active or paused plan. */
    public static Optional<Plan> currentOf(String patientRef) {
        return current(patientRef).firstResultOptional();
    }

    /** The patient's active or paused plan, locked for update. */
    public static Optional<Plan> lockCurrentOf(String patientRef) {
        return current(patientRef).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private static PanacheQuery<Plan> current(String patientRef) {
        return find("patientRef = ?1 and " + CURRENT, patientRef);
    }

    /** The patient's plans, newest first. */
    public static List<Plan> historyOf(String patientRef) {
        return list("patientRef = ?1 order by issuedAt desc, id", patientRef);
    }

    public static Optional<Plan> supersededBy(UUID planId) {
        return find("supersedesId", planId).firstResultOptional();
    }

    /** Whether a plan was issued for the assessment: the first such row, not a count of them. */
    public static boolean existsForAssessment(UUID assessmentId) {
        return !getEntityManager()
                .createQuery("select 1 from Plan p where p.assessmentId = ?1", Integer.class)
                .setParameter(1, assessmentId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
