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

/**
 * One request's access to one patient's data (or to clinic-wide data, without a patient). The
 * column lengths are those of migration {@code V0_2}; {@link AuditRecorder} fits every value to
 * them ({@link AuditValues}).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    static final int PATIENT_LENGTH = 64;
    static final int ACTOR_LENGTH = 200;
    static final int ROLES_LENGTH = 200;
    static final int CLIENT_LENGTH = 200;
    static final int ADDRESS_LENGTH = 100;
    static final int METHOD_LENGTH = 10;
    static final int PATH_LENGTH = 500;
    static final int OPERATION_LENGTH = 300;

    /** What the request did with the data (at most 10 characters, the column's length). */
    public enum Action {
        /** A GET or HEAD. */
        READ,
        /** Any other method. */
        CHANGE,
        /**
         * A live stream opened: from now on the caller is sent the patient's data as it changes.
         */
        FOLLOW,
        /** That stream ended: the client left, its token expired, or the service stopped. */
        FOLLOW_END
    }

    @Id public UUID id;

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "patient_ref", length = PATIENT_LENGTH)
    public String patientRef;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The token's subject: the user or system account. */
    @Column(length = ACTOR_LENGTH)
    public String actor;

    /** The token's roles, comma-separated, Footwork's first. */
    @Column(length = ROLES_LENGTH)
    public String roles;

    /** The client application the token was issued to ({@code azp} or {@code client_id}). */
    @Column(length = CLIENT_LENGTH)
    public String client;

    /** The peer's address, or the client's as a trusted proxy forwarded it. */
    @Column(name = "remote_address", length = ADDRESS_LENGTH)
    public String remoteAddress;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Action action;

    @Column(length = METHOD_LENGTH)
    public String method;

    /** The request path as called. */
    @Column(length = PATH_LENGTH)
    public String path;

    /** The endpoint's path template, e.g. {@code /api/v1/plans/{planId}}. */
    @Column(length = OPERATION_LENGTH)
    public String operation;

    /** The HTTP status answered. */
    public int status;
}
