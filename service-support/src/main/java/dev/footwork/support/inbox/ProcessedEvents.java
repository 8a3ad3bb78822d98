package dev.footwork.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The record of which events each consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims an event for a consumer in the current transaction.
     *
     * @return true the first time, false when the consumer has applied it before (or another
     *     replica applied it concurrently and committed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, InboundEvent event) {
        int inserted =
                entityManager
                        .createNativeQuery(
                                "insert into processed_event (consumer, source, event_id,"
                                        + " clinic_id) values (:consumer, :source, :id, :clinic) on"
                                        + " conflict do nothing")
                        .setParameter("consumer", consumer)
                        .setParameter("source", event.source())
                        .setParameter("id", event.id())
                        .setParameter("clinic", event.clinicId())
                        .executeUpdate();
        return inserted == 1;
    }
}
