package dev.footwork.support.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    PatientLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the patient's lock; the transaction holds it until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String clinicId, String patientRef) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, NAMESPACE)
                .setParameter(2, clinicId + ":" + patientRef)
                .getSingleResult();
    }
}
