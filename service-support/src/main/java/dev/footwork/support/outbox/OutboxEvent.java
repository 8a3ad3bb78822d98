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

    /** Commit order; the relay publishes in this order. */
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
}
