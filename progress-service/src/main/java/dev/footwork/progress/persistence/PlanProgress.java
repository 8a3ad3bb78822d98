package dev.footwork.progress.persistence;

import dev.footwork.progress.domain.SessionTotals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** Running totals of one plan's completions. */
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

    @Column(name = "completed_sessions")
    public int completedSessions;

    @Column(name = "total_reps")
    public long totalReps;

    public long volume;

    @Column(name = "pain_sum")
    public long painSum;

    @Column(name = "pain_max")
    public int painMax;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public SessionTotals totals() {
        return new SessionTotals(
                completedSessions, totalReps, volume, painSum, painMax, lastActivityAt);
    }

    public void apply(SessionTotals totals) {
        completedSessions = totals.completedSessions();
        totalReps = totals.totalReps();
        volume = totals.volume();
        painSum = totals.painSum();
        painMax = totals.painMax();
        lastActivityAt = totals.lastActivityAt();
    }
}
