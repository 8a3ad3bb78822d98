package dev.footwork.support.erasure;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.DataErased;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.support.inbox.EventInbox;
import dev.footwork.support.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every service does when it erases a patient, besides deleting its own tables: drop the
 * patient's outbox history and remember the erasure, so that older events about the patient still
 * in flight are not applied afterwards.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final EventInbox inbox;
    private final Outbox outbox;

    Erasures(EventInbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * The consumer side of an erasure, as exercise-service and progress-service run it: applies a
     * {@link PatientErased} record once, erasing the patient with the service's statements and
     * adding the service's confirmation to the outbox in the same transaction.
     *
     * @param confirmation the service's confirmation of a request, given the time of the deletion
     */
    public void receive(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            List<String> deletes,
            BiFunction<PatientErased, Instant, DataErased> confirmation) {
        inbox.receive(
                consumer,
                record,
                Set.of(EventType.PATIENT_ERASED),
                event -> {
                    PatientErased request = event.payload(PatientErased.class);
                    erase(request, deletes);
                    Instant now = Instant.now();
                    outbox.add(confirmation.apply(request, now), now);
                });
    }

    /**
     * Erases a patient in the caller's transaction: runs the service's delete statements (each with
     * {@code ?1} the clinic and {@code ?2} the patient) and forgets the outbox history. The caller
     * then adds its own event (the request, or its confirmation) to the outbox.
     *
     * @param deletes the service's statements, children before parents
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PatientErased request, List<String> deletes) {
        int rows = 0;
        for (String delete : deletes) {
            rows +=
                    Panache.getEntityManager()
                            .createNativeQuery(delete)
                            .setParameter(1, request.clinicId())
                            .setParameter(2, request.patientRef())
                            .executeUpdate();
        }
        int outboxRows =
                forget(
                        request.clinicId(),
                        request.patientRef(),
                        request.erasureId(),
                        request.requestedAt());
        LOG.infof(
                "Erasure %s: deleted %d row(s) and %d outbox row(s) in %s",
                request.erasureId(), rows, outboxRows, request.clinicId());
    }

    /**
     * Deletes the patient's outbox rows, published or not, and records the erasure; in the caller's
     * transaction, before it adds its confirmation to the outbox.
     *
     * @return the number of outbox rows deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String clinicId, String patientRef, UUID erasureId, Instant erasedAt) {
        int deleted =
                Panache.getEntityManager()
                        .createNativeQuery(
                                "delete from outbox_event where clinic_id = ?1 and patient_ref = ?2")
                        .setParameter(1, clinicId)
                        .setParameter(2, patientRef)
                        .executeUpdate();
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into erased_patient (clinic_id, patient_ref, erasure_id, erased_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, clinicId)
                .setParameter(2, patientRef)
                .setParameter(3, erasureId)
                .setParameter(4, erasedAt)
                .executeUpdate();
        return deleted;
    }

    /**
     * Whether the patient was erased at or after {@code time}: an event that happened then is about
     * data that no longer exists. An event without a time counts as older.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erasedSince(String clinicId, String patientRef, Instant time) {
        var query =
                Panache.getEntityManager()
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
