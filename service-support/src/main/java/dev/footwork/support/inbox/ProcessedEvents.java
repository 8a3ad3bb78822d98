package dev.footwork.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The record of which events each consumer has already applied, per clinic: an event is named by
 * its clinic, CloudEvents source and id, so two clinics' platforms may reuse each other's ids.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims an event of its clinic for a consumer in the current transaction.
     *
     * @return true the first time, false when the consumer has applied this clinic's event before
     *     (or another replica applied it concurrently and committed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, InboundEvent event) {
        int inserted =
                entityManager
                        .createNativeQuery(
                                "insert into processed_event (consumer, clinic_id, source,"
                                        + " event_id) values (:consumer, :clinic, :source, :id)"
                                        + " on conflict (consumer, clinic_id, source, event_id)"
                                        + " do nothing")
                        .setParameter("consumer", consumer)
                        .setParameter("source", event.source())
                        .setParameter("id", event.id())
                        .setParameter("clinic", event.clinicId())
                        .executeUpdate();
        return inserted == 1;
    }
}
