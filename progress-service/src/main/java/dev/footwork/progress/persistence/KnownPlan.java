package dev.footwork.progress.persistence;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.support.json.PlanContentConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * The latest revision of a plan this service has been told of by exercise-service: its own copy,
 * which the figures are computed against (table {@code plan_view}).
 */
@Entity
@Table(name = "plan_view")
@IdClass(PlanKey.class)
public class KnownPlan extends PanacheEntityBase {

    /** A plan of some clinic, as the evaluation pass lists them. */
    public record InClinic(String clinicId, UUID planId) {}

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @Id
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_ref")
    public String patientRef;

    public int revision;

    /** The content's status, kept in a column of its own for the queries. */
    public String status;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    public int weeks;

    @Convert(converter = PlanContentConverter.class)
    public PlanContent content;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The patient's plan to report on: the active one, else the most recently updated. */
    public static Optional<KnownPlan> currentOf(String patientRef) {
        // the clinic is the @TenantId: Hibernate adds it to the query
        return KnownPlan.<KnownPlan>find(
                        "patientRef", Sort.by("updatedAt", Sort.Direction.Descending), patientRef)
                .list()
                .stream()
                .min(
                        (a, b) ->
                                Boolean.compare(
                                        "ACTIVE".equals(b.status), "ACTIVE".equals(a.status)));
    }

    /**
     * The active plans of every clinic. A native query, which the tenant filter does not restrict:
     * run it as {@code Tenancy.NO_CLINIC}.
     */
    public static List<InClinic> activeInEveryClinic() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                getEntityManager()
                        .createNativeQuery(
                                "select clinic_id, plan_id from plan_view where status = 'ACTIVE'")
                        .getResultList();
        return rows.stream().map(row -> new InClinic((String) row[0], (UUID) row[1])).toList();
    }

    /** Several plans of the caller's clinic by id; missing ones are absent. */
    public static Map<UUID, KnownPlan> byIds(Collection<UUID> planIds) {
        Map<UUID, KnownPlan> plans = new HashMap<>();
        KnownPlan.<KnownPlan>find("planId in ?1", planIds)
                .list()
                .forEach(plan -> plans.put(plan.planId, plan));
        return plans;
    }
}
