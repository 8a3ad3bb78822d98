package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Tells every replica that a patient's progress changed: a PostgreSQL {@code NOTIFY} in the
 * changing transaction, delivered to listeners only if and when it commits.
 */
@ApplicationScoped
public class ProgressNotifier {

    /** The PostgreSQL channel; the payload is {@code <clinic> <patientRef>}. */
    public static final String CHANNEL = "footwork_progress";

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String clinicId, String patientRef) {
        Panache.getEntityManager()
                .createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, clinicId + " " + patientRef)
                .getSingleResult();
    }
}
