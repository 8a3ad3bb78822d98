package dev.footwork.support.erasure;

import dev.footwork.contracts.events.PatientErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What every service does when it erases a patient, besides naming its own tables: run its delete
 * statements, drop the patient's outbox history and idempotency keys, and leave a tombstone ({@link
 * ErasedPatients}) so that events about the patient still in flight are skipped. It holds the
 * patient's {@link PatientLock} until the caller's transaction ends. The caller's use case then
 * adds its own event (the request, or its confirmation).
 */
@ApplicationScoped
public class PatientErasure {

    private static final Logger LOG = Logger.getLogger(PatientErasure.class);

    /** Rows every service keeps about a patient; ?1 is the clinic, ?2 the patient. */
    private static final List<String> SHARED_DELETES =
            List.of(
                    "delete from outbox_event where clinic_id = ?1 and patient_ref = ?2",
                    "delete from idempotency_key where clinic_id = ?1 and patient_ref = ?2");

    private final EntityManager entityManager;
    private final ErasedPatients erased;
    private final PatientLock lock;

    PatientErasure(EntityManager entityManager, ErasedPatients erased, PatientLock lock) {
        this.entityManager = entityManager;
        this.erased = erased;
        this.lock = lock;
    }

    /**
     * Erases a patient in the caller's transaction.
     *
     * @param deletes the service's statements, children before parents, each with {@code ?1} the
     *     clinic and {@code ?2} the patient
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PatientErased request, List<String> deletes) {
        // events for the patient that are being applied now finish first; later ones wait
        lock.lock(request.clinicId(), request.patientRef());
        int rows = run(deletes, request);
        int shared = run(SHARED_DELETES, request);
        erased.remember(
                request.clinicId(),
                request.patientRef(),
                request.erasureId(),
                request.requestedAt());
        LOG.infof(
                "Erasure %s: deleted %d row(s) and %d outbox or idempotency row(s) in %s",
                request.erasureId(), rows, shared, request.clinicId());
    }

    private int run(List<String> statements, PatientErased request) {
        int rows = 0;
        for (String delete : statements) {
            rows +=
                    entityManager
                            .createNativeQuery(delete)
                            .setParameter(1, request.clinicId())
                            .setParameter(2, request.patientRef())
                            .executeUpdate();
        }
        return rows;
    }
}
