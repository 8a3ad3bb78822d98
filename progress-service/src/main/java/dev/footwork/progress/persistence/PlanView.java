package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The latest revision of a plan this service has seen. */
@Entity
@Table(name = "plan_view")
public class PlanView extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    public int revision;

    public String status;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    public int weeks;

    /** The plan's {@code PlanContent} as JSON. */
    public String content;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The patient's plan to report on: the active one, else the most recently updated. */
    public static Optional<PlanView> currentOf(String patientRef) {
        // the clinic is the @TenantId: Hibernate adds it to the query
        return PlanView.<PlanView>find(
                        "patientRef", Sort.by("updatedAt", Sort.Direction.Descending), patientRef)
                .list()
                .stream()
                .min(
                        (a, b) ->
                                Boolean.compare(
                                        "ACTIVE".equals(b.status), "ACTIVE".equals(a.status)));
    }
}
