package dev.footwork.support.erasure;

import dev.footwork.support.persistence.ArrayStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/**
 * Serialises the work on one patient's data: an erasure, and every event or request that writes the
 * patient's data, take the patient's lock first (a transaction-scoped PostgreSQL advisory lock on
 * the clinic and reference). So an event applied while an erasure is open waits for it, then sees
 * its tombstone, instead of re-inserting rows the erasure has just deleted.
 */
@ApplicationScoped
public class PatientLock {

    /** The advisory-lock namespace of patients ("Pati" in ASCII), apart from the relay's key. */
    private static final int NAMESPACE = 0x50617469;

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    PatientLock(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /**
     * Waits for the patient's lock; the transaction holds it until it ends. Asking again in the
     * same transaction (the use case, then the outbox) costs no second statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String clinicId, String patientRef) {
        Held key = new Held(clinicId, patientRef);
        if (transactions.getResource(key) != null) {
            return;
        }
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, NAMESPACE)
                .setParameter(2, clinicId + ":" + patientRef)
                // taking a lock reads no pending change: the session's changes wait for the commit
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        transactions.putResource(key, Boolean.TRUE);
    }

    /**
     * Waits for the locks of several patients of one clinic, in one statement and in the order of
     * their lock keys, so that two transactions that each take several never wait for each other in
     * a circle (one that takes a single patient's lock cannot be part of a circle either). That
     * holds when these are the first patient locks of the transaction, as in the consumers' batches
     * and the evaluation pass.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(String clinicId, Collection<String> patientRefs) {
        List<String> missing =
                patientRefs.stream()
                        .distinct()
                        .filter(ref -> transactions.getResource(new Held(clinicId, ref)) == null)
                        .toList();
        if (missing.isEmpty()) {
            return;
        }
        String[] keys = missing.stream().map(ref -> clinicId + ":" + ref).toArray(String[]::new);
        ArrayStatement.on(
                        entityManager,
                        "select count(pg_advisory_xact_lock(?, h)) from"
                                + " (select distinct hashtext(k) as h"
                                + " from unnest(?::text[]) as k order by h)"
                                + " as ordered")
                .param(NAMESPACE)
                .array("text", keys)
                .execute();
        missing.forEach(ref -> transactions.putResource(new Held(clinicId, ref), Boolean.TRUE));
    }

    /** A lock this transaction holds, as a key of the transaction's resources. */
    private record Held(String clinicId, String patientRef) {}
}
