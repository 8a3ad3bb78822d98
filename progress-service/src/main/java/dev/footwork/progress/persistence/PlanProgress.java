package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One plan's progress row: the lock every change to the plan's progress takes, its last activity,
 * and the figures of the last evaluation, which the worklist sorts and pages by.
 */
@Entity
@Table(name = "plan_progress")
public class PlanProgress extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "current_week")
    public Integer currentWeek;

    @Column(name = "adherence_percent")
    public BigDecimal adherencePercent;

    @Column(name = "adherence_7d_percent")
    public BigDecimal adherenceLast7DaysPercent;

    @Column(name = "max_pain")
    public int maxPain;

    @Column(name = "pain_trend")
    public String painTrend;

    /** Comma-separated {@code Flag} names. */
    public String flags;

    @Column(name = "risk_score")
    public int riskScore;

    @Column(name = "next_reassessment_on")
    public LocalDate nextReassessmentOn;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A worklist line: the progress row and its plan's status. */
    public record WorklistRow(PlanProgress progress, String planStatus) {}

    private static final String CURRENT =
            " from PlanProgress p join PlanView v on v.planId = p.planId"
                    + " where v.status in ('ACTIVE', 'PAUSED')";

    /** One page of the clinic's current plans, highest risk first. */
    public static List<WorklistRow> worklist(int page, int size) {
        return getEntityManager()
                .createQuery(
                        "select p, v.status"
                                + CURRENT
                                + " order by p.riskScore desc,"
                                + " p.adherenceLast7DaysPercent asc nulls last, p.patientRef",
                        Object[].class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(row -> new WorklistRow((PlanProgress) row[0], (String) row[1]))
                .toList();
    }

    /** How many current plans the clinic has. */
    public static long countCurrent() {
        return getEntityManager()
                .createQuery("select count(p)" + CURRENT, Long.class)
                .getSingleResult();
    }
}
