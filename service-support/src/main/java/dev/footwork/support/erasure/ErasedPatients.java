package dev.footwork.support.erasure;

import dev.footwork.support.persistence.ArrayStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The tombstones of erased patients ({@code erased_patient}): what the inbox and the use cases that
 * create a patient's data ask first, so that nothing brings an erased patient's data back.
 */
@ApplicationScoped
public class ErasedPatients {

    private final EntityManager entityManager;

    ErasedPatients(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the erasure in the caller's transaction; recording it twice changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String clinicId, String patientRef, UUID erasureId, Instant erasedAt) {
        entityManager
                .createNativeQuery(
                        "insert into erased_patient (clinic_id, patient_ref, erasure_id, erased_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, clinicId)
                .setParameter(2, patientRef)
                .setParameter(3, erasureId)
                .setParameter(4, erasedAt)
                .executeUpdate();
    }

    /**
     * Whether the patient was erased here. Erasure is final: once it is, no event and no request
     * creates data for this (clinic, reference) again, whatever its timestamps say (a device clock
     * may be ahead); a patient who returns gets a new reference.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isErased(String clinicId, String patientRef) {
        return !entityManager
                .createNativeQuery(
                        "select 1 from erased_patient where clinic_id = ?1 and patient_ref = ?2")
                .setParameter(1, clinicId)
                .setParameter(2, patientRef)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Which of these patients of one clinic were erased here, in one query ({@link #isErased}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> erasedAmong(String clinicId, Collection<String> patientRefs) {
        return ArrayStatement.on(
                        entityManager,
                        "select patient_ref from erased_patient where"
                                + " clinic_id = ? and patient_ref = any(?)")
                .param(clinicId)
                .array("text", patientRefs.toArray(String[]::new))
                .query(row -> row.getString(1));
    }
}
