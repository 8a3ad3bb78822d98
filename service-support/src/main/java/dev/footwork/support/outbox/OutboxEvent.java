package dev.footwork.support.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published, or already published and kept for a while. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Becomes the CloudEvents id, so a re-publication carries the same id. */
    @Id public UUID id;

    /**
     * Insert order. One patient's rows are inserted under the patient's lock, so for a patient this
     * is also commit order, the order the service decided the facts in.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** When the broker last refused the row for good; set, it holds back its patient's rows. */
    @Column(name = "held_at")
    public Instant heldAt;

    /** Why the broker refused the row. */
    @Column(name = "held_reason")
    public String heldReason;
}
