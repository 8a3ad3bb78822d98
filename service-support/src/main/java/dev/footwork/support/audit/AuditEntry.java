package dev.footwork.support.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One request's access to one patient's data (or to clinic-wide data, without a patient). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /** READ for GET and HEAD, CHANGE for every other method. */
    public enum Action {
        READ,
        CHANGE
    }

    @Id public UUID id;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The token's subject: the user or system account. */
    public String actor;

    /** The token's roles, comma-separated. */
    public String roles;

    /** The client application the token was issued to ({@code azp} or {@code client_id}). */
    public String client;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String method;

    /** The request path as called. */
    public String path;

    /** The endpoint's path template, e.g. {@code /api/v1/plans/{planId}}. */
    public String operation;

    /** The HTTP status answered. */
    public int status;
}
