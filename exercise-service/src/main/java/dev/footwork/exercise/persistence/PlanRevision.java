package dev.footwork.exercise.persistence;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.support.json.PlanContentConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One revision of a plan as it stood from {@link #revisedAt} until the next revision. */
@Entity
@Table(name = "plan_revision")
@IdClass(PlanRevision.Key.class)
public class PlanRevision extends PanacheEntityBase {

    /** Reason of the first revision, when the plan was issued. */
    public static final String ISSUED = "ISSUED";

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id public int revision;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    /** {@link #ISSUED} or a {@code PlanRevised.Reason} name. */
    public String reason;

    public String status;

    @Convert(converter = PlanContentConverter.class)
    public PlanContent content;

    @Column(name = "revised_at")
    public Instant revisedAt;

    /** Composite primary key. */
    public record Key(UUID planId, int revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    public static PlanRevision of(Plan plan, String reason, Instant at) {
        PlanRevision r = new PlanRevision();
        r.planId = plan.id;
        r.revision = plan.revision;
        r.clinicId = plan.clinicId;
        r.reason = reason;
        r.status = plan.status;
        r.content = plan.content;
        r.revisedAt = at;
        return r;
    }

    /** The revision that was in force at {@code at}, empty before the plan was issued. */
    public static Optional<PlanRevision> inForceAt(UUID planId, Instant at) {
        return find(
                        "planId = ?1 and revisedAt <= ?2 order by revisedAt desc, revision desc",
                        planId,
                        at)
                .firstResultOptional();
    }

    public static List<PlanRevision> of(UUID planId) {
        return list("planId = ?1 order by revision", planId);
    }
}
