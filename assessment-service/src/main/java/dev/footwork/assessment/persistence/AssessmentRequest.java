package dev.footwork.assessment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Remembers which assessment an {@code Idempotency-Key} created, with a hash of the request. */
@Entity
@Table(name = "assessment_request")
public class AssessmentRequest extends PanacheEntityBase {

    /** Keys are unique per clinic. */
    @Embeddable
    public record Key(
            @Column(name = "clinic_id") String clinicId,
            @Column(name = "idempotency_key") String idempotencyKey)
            implements Serializable {}

    @EmbeddedId public Key key;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<AssessmentRequest> find(String clinicId, String idempotencyKey) {
        return findByIdOptional(new Key(clinicId, idempotencyKey));
    }
}
