package dev.footwork.support.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The tombstones of erased patients ({@code erased_patient}): what the inbox asks before applying
 * an event, so that an event older than an erasure does not bring the patient's data back.
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
     * Whether the patient was erased at or after {@code time}: an event that happened then is about
     * data that no longer exists. An event without a time counts as older.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erasedSince(String clinicId, String patientRef, Instant time) {
        var query =
                entityManager
                        .createNativeQuery(
                                "select 1 from erased_patient where clinic_id = ?1 and patient_ref"
                                        + " = ?2"
                                        + (time == null ? "" : " and erased_at >= ?3"))
                        .setParameter(1, clinicId)
                        .setParameter(2, patientRef);
        if (time != null) {
            query.setParameter(3, time);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }
}
