package dev.footwork.assessment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An admin's request to erase a patient, and when each service confirmed it. */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest extends PanacheEntityBase {

    @Id public UUID id;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "assessment_erased_at")
    public Instant assessmentErasedAt;

    @Column(name = "exercise_erased_at")
    public Instant exerciseErasedAt;

    @Column(name = "progress_erased_at")
    public Instant progressErasedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
