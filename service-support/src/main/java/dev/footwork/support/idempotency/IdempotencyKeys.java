package dev.footwork.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.support.application.Inapplicable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The one {@code Idempotency-Key} scheme of the services: a key names the resource its first
 * request created, together with a digest of that request. A retry with the key finds the resource;
 * the same key with a different request is refused ({@link Inapplicable}).
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A client's key and the digest of the request it came with. */
    public record Key(String value, String requestHash) {}

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    IdempotencyKeys(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The key with a SHA-256 digest of the request's JSON. */
    public Key key(String value, Object request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(request));
            return new Key(value, HexFormat.of().formatHex(digest));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the request", e);
        }
    }

    /**
     * The resource an earlier request with this key created in this clinic and scope.
     *
     * @param what names the kind of request in the refusal, e.g. {@code completion}
     * @throws Inapplicable when the earlier request was a different one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> earlier(String clinicId, String scope, Key key, String what) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entityManager
                        .createNativeQuery(
                                "select request_hash, resource_id from idempotency_key where"
                                        + " clinic_id = ?1 and scope = ?2 and idempotency_key = ?3")
                        .setParameter(1, clinicId)
                        .setParameter(2, scope)
                        .setParameter(3, key.value())
                        .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!key.requestHash().equals(rows.get(0)[0])) {
            throw Inapplicable.idempotencyKeyReused(what);
        }
        return Optional.of((UUID) rows.get(0)[1]);
    }

    /**
     * Remembers what the key created. A concurrent request with the same key fails here, not at
     * commit, so that {@link #once} can run it again and find what the other one stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(
            String clinicId, String patientRef, String scope, Key key, UUID resourceId) {
        entityManager
                .createNativeQuery(
                        "insert into idempotency_key (clinic_id, scope, idempotency_key,"
                                + " request_hash, resource_id, patient_ref, created_at) values (?1,"
                                + " ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, clinicId)
                .setParameter(2, scope)
                .setParameter(3, key.value())
                .setParameter(4, key.requestHash())
                .setParameter(5, resourceId)
                .setParameter(6, patientRef)
                .setParameter(7, clock.instant())
                .executeUpdate();
    }

    /**
     * Runs a request's work in a transaction of its own, and once more when it lost a race: a
     * concurrent request with the same key or client-chosen id committed first, so a unique
     * constraint refused this one. The second run finds what the first stored and answers as a
     * replay (or refuses a different request). Inside a transaction that is already open (the
     * request's one transaction, begun by {@code audit.ChangeTransaction} through this same
     * method), the work joins it, and whoever began that transaction runs it again.
     */
    public static <T> T once(Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (PersistenceException e) {
            if (!lostARace(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
