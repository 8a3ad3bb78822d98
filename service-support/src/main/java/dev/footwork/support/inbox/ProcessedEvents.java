package dev.footwork.support.inbox;

import dev.footwork.support.persistence.ArrayStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;

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

    /** An event of one clinic as the de-duplication names it. */
    record EventKey(String source, String id) {

        static EventKey of(InboundEvent event) {
            return new EventKey(event.source(), event.id());
        }
    }

    /**
     * Claims several events of one clinic for a consumer in the current transaction, in one
     * statement.
     *
     * @return the events claimed now; the others were applied before (or concurrently elsewhere)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<EventKey> claimAll(String consumer, String clinicId, Collection<EventKey> events) {
        String[] sources = events.stream().map(EventKey::source).toArray(String[]::new);
        String[] ids = events.stream().map(EventKey::id).toArray(String[]::new);
        return ArrayStatement.on(
                        entityManager,
                        "insert into processed_event (consumer, clinic_id,"
                                + " source, event_id) select ?, ?, s, i from"
                                + " unnest(?::text[], ?::text[]) as e(s, i)"
                                + " on conflict (consumer, clinic_id, source,"
                                + " event_id) do nothing"
                                + " returning source, event_id")
                .param(consumer)
                .param(clinicId)
                .array("text", sources)
                .array("text", ids)
                .query(row -> new EventKey(row.getString(1), row.getString(2)));
    }
}
