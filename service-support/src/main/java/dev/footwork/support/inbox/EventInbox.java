package dev.footwork.support.inbox;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.DataErased;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.support.application.ApplicationException;
import dev.footwork.support.erasure.ErasedPatients;
import dev.footwork.support.erasure.PatientLock;
import dev.footwork.support.health.WaitingConsumers;
import dev.footwork.support.inbox.ProcessedEvents.EventKey;
import dev.footwork.support.kafka.MessagingConfig;
import dev.footwork.support.retry.Backoff;
import dev.footwork.support.retry.DatabaseFailures;
import dev.footwork.support.retry.ShutdownSignal;
import dev.footwork.support.tenancy.Tenancy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.hibernate.engine.spi.SessionImplementor;
import org.jboss.logging.Logger;

/**
 * The one way Footwork consumers apply events: read and check the envelope, then apply the effect
 * and record the event as processed in one transaction, so a redelivered event changes nothing.
 * Poison records go to the dead-letter topic and consumption continues: envelope faults, and
 * refusals of the use case ({@link ApplicationException}, whose code becomes the dead-letter
 * cause). While the database is unreachable the event is retried, never dead-lettered: the record
 * stays unacknowledged (no offset is committed past it), later records of the channel wait behind
 * it, and readiness says DOWN ({@link WaitingConsumers}) until it has been applied.
 *
 * <p>A poll's records are applied together ({@link #receive(String, ConsumerRecords, Set,
 * Consumer)}): one transaction per clinic in the poll (a Hibernate session, hence a transaction, is
 * bound to one tenant), which takes the patients' locks in a fixed order, claims every event in one
 * statement, asks once which patients were erased and applies the effects in offset order. If a
 * record makes that transaction fail for good, it is rolled back and its records are applied one by
 * one, so that the poison record alone is dead-lettered.
 *
 * <p>Between two effects of such a transaction, once its session manages more than {@link
 * #MAX_MANAGED_ENTITIES} entities, the session is flushed and cleared: Hibernate walks every
 * managed entity at each flush, including the automatic one before a query, so a session that kept
 * every event's entities would make each event of a poll dearer than the one before.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    /**
     * The managed entities a batch transaction's session may hold before it is flushed and cleared
     * between two effects: a few events' worth (a plan with its week rows is some thirty), enough
     * for the JDBC batches of several events, few enough that a flush costs little.
     */
    static final int MAX_MANAGED_ENTITIES = 200;

    private final EnvelopeReader reader;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final MessagingConfig config;
    private final ErasedPatients erased;
    private final PatientLock patientLock;
    private final ShutdownSignal shutdown;
    private final WaitingConsumers waiting;
    private final EntityManager entityManager;

    EventInbox(
            EnvelopeReader reader,
            ProcessedEvents processed,
            DeadLetters deadLetters,
            MessagingConfig config,
            ErasedPatients erased,
            PatientLock patientLock,
            ShutdownSignal shutdown,
            WaitingConsumers waiting,
            EntityManager entityManager) {
        this.reader = reader;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.config = config;
        this.erased = erased;
        this.patientLock = patientLock;
        this.shutdown = shutdown;
        this.waiting = waiting;
        this.entityManager = entityManager;
    }

    /**
     * Applies a poll's records at most once each for this consumer, in one transaction per clinic
     * (one per record when a record refuses or fails for good, so that it alone is dead-lettered).
     * Per partition (so per patient), the effects run in offset order.
     *
     * @param consumer the consumer's stable name; the de-duplication is per consumer
     * @param accepted the event types this consumer understands
     * @param effect the change to make, run inside the transaction that marks the event processed;
     *     it refuses the event by throwing an {@link ApplicationException}
     * @throws IllegalStateException only when the service stops while a record waits; the poll is
     *     not acknowledged and will be delivered again
     */
    public void receive(
            String consumer,
            ConsumerRecords<String, byte[]> records,
            Set<EventType> accepted,
            Consumer<InboundEvent> effect) {
        receiveTogether(
                consumer,
                records,
                accepted,
                events -> {
                    for (InboundEvent event : events) {
                        effect.accept(event);
                        keepSessionSmall();
                    }
                });
    }

    /**
     * Applies a poll's records as {@link #receive(String, ConsumerRecords, Set, Consumer)} does,
     * handing the effect all the events of one transaction at once, in offset order per partition,
     * so that it can read and write what they share in a few statements. The effect refuses when
     * one of them is refused; the transaction is then rolled back and the effect is run again for
     * each event alone, so that the refused one alone is dead-lettered.
     *
     * @param effects the changes to make for events to apply (never empty), run inside the
     *     transaction that marks them processed; the effect keeps its session's size in hand
     */
    public void receiveTogether(
            String consumer,
            ConsumerRecords<String, byte[]> records,
            Set<EventType> accepted,
            Consumer<List<InboundEvent>> effects) {
        try {
            Map<String, List<Received>> byClinic = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                InboundEvent event;
                try {
                    event = reader.read(record, accepted);
                } catch (PoisonEventException poison) {
                    deadLetters.send(record, consumer, poison);
                    continue;
                }
                byClinic.computeIfAbsent(event.clinicId(), clinic -> new ArrayList<>())
                        .add(new Received(record, event));
            }
            for (List<Received> clinicRecords : byClinic.values()) {
                applyTogether(consumer, clinicRecords, effects);
            }
        } finally {
            waiting.resumed(consumer);
        }
    }

    /** A record whose envelope passed, with its event. */
    private record Received(ConsumerRecord<String, byte[]> record, InboundEvent event) {}

    /**
     * One clinic's records of a poll in one transaction, retried while the database is away; one by
     * one when one of them refuses or fails otherwise.
     */
    private void applyTogether(
            String consumer, List<Received> clinicRecords, Consumer<List<InboundEvent>> effects) {
        if (clinicRecords.size() > 1) {
            String clinicId = clinicRecords.get(0).event().clinicId();
            Backoff backoff = new Backoff(config.retryBackoff(), config.maxRetryBackoff());
            while (true) {
                try {
                    Tenancy.transaction(clinicId)
                            .run(
                                    () ->
                                            applyInTransaction(
                                                    consumer, clinicId, clinicRecords, effects));
                    waiting.resumed(consumer);
                    return;
                } catch (ApplicationException refused) {
                    LOG.infof(
                            "A record of %d of %s refused (%s): applying them one by one",
                            clinicRecords.size(), clinicId, refused.code());
                    break;
                } catch (RuntimeException e) {
                    if (!isTransient(e)) {
                        LOG.infof(
                                "Applying %d records of %s together failed, applying them one"
                                        + " by one: %s",
                                clinicRecords.size(), clinicId, e.toString());
                        break;
                    }
                    waiting.waiting(consumer, clinicRecords.get(0).record().topic(), "database", e);
                    Duration pause = backoff.failed();
                    LOG.warnf(
                            "Applying %d records of %s failed (database unavailable), retrying"
                                    + " in %s: %s",
                            clinicRecords.size(), clinicId, pause, e.toString());
                    if (shutdown.await(pause)) {
                        throw new IllegalStateException(
                                "shutting down; the records will be redelivered");
                    }
                }
            }
        }
        for (Received received : clinicRecords) {
            applyAlone(consumer, received.record(), received.event(), effects);
        }
    }

    private void applyInTransaction(
            String consumer,
            String clinicId,
            List<Received> clinicRecords,
            Consumer<List<InboundEvent>> effects) {
        // sorted, so that two transactions taking several patients' locks never wait in a circle
        Set<String> patients = new TreeSet<>();
        Set<EventKey> keys = new LinkedHashSet<>();
        for (Received received : clinicRecords) {
            patients.add(received.event().patientRef());
            keys.add(EventKey.of(received.event()));
        }
        patientLock.lockAll(clinicId, patients);
        Set<EventKey> claimed = processed.claimAll(consumer, clinicId, keys);
        if (claimed.isEmpty()) {
            return;
        }
        Set<String> erasedPatients = erased.erasedAmong(clinicId, patients);
        List<InboundEvent> toApply = new ArrayList<>();
        for (Received received : clinicRecords) {
            InboundEvent event = received.event();
            // a second copy of an event in the same poll finds its claim taken by the first
            if (claimed.remove(EventKey.of(event))
                    && !aboutAnErasedPatient(event, erasedPatients.contains(event.patientRef()))) {
                toApply.add(event);
            }
        }
        if (!toApply.isEmpty()) {
            effects.accept(toApply);
        }
    }

    /**
     * Writes and forgets what the effects so far changed once the session holds many entities. The
     * transaction keeps its row and patient locks; an effect that needs an entity again reads it
     * anew, as it is after the writes.
     */
    private void keepSessionSmall() {
        if (entityManager
                        .unwrap(SessionImplementor.class)
                        .getPersistenceContextInternal()
                        .getNumberOfManagedEntities()
                > MAX_MANAGED_ENTITIES) {
            entityManager.flush();
            entityManager.clear();
        }
    }

    private void applyAlone(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            InboundEvent event,
            Consumer<List<InboundEvent>> effects) {
        Backoff backoff = new Backoff(config.retryBackoff(), config.maxRetryBackoff());
        int failures = 0;
        while (true) {
            try {
                // the tenant comes from the event, never from a default
                Tenancy.run(
                        event.clinicId(),
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () -> {
                                                    // an open erasure of the patient ends first
                                                    patientLock.lock(
                                                            event.clinicId(), event.patientRef());
                                                    if (!processed
                                                                    .claimAll(
                                                                            consumer,
                                                                            event.clinicId(),
                                                                            Set.of(
                                                                                    EventKey.of(
                                                                                            event)))
                                                                    .isEmpty()
                                                            && !aboutAnErasedPatient(
                                                                    event,
                                                                    erased.isErased(
                                                                            event.clinicId(),
                                                                            event.patientRef()))) {
                                                        effects.accept(List.of(event));
                                                    }
                                                }));
                waiting.resumed(consumer);
                return;
            } catch (ApplicationException refused) {
                deadLetters.send(
                        record,
                        consumer,
                        new PoisonEventException(refused.code(), refused.getMessage()));
                return;
            } catch (RuntimeException e) {
                boolean transientFailure = isTransient(e);
                if (!transientFailure && ++failures >= config.maxProcessingAttempts()) {
                    deadLetters.send(
                            record,
                            consumer,
                            new PoisonEventException(
                                    "processing-failed",
                                    "gave up after " + failures + " attempts: " + e));
                    return;
                }
                if (transientFailure) {
                    waiting.waiting(consumer, record.topic(), "database", e);
                }
                Duration pause = backoff.failed();
                LOG.warnf(
                        "Applying %s %s failed (%s), retrying in %s: %s",
                        event.type().type(),
                        event.id(),
                        transientFailure ? "database unavailable" : "attempt " + failures,
                        pause,
                        e.toString());
                if (shutdown.await(pause)) {
                    throw new IllegalStateException(
                            "shutting down; the record will be redelivered");
                }
            }
        }
    }

    /**
     * An event about an erased patient is skipped (and stays claimed), whatever its time says: it
     * would bring back data that was deleted on purpose. Only the erasure events themselves pass.
     */
    private static boolean aboutAnErasedPatient(InboundEvent event, boolean patientErased) {
        if (event.payload() instanceof PatientErased
                || event.payload() instanceof DataErased
                || !patientErased) {
            return false;
        }
        LOG.infof(
                "Skipped %s %s: its patient %s of %s has been erased",
                event.type().type(), event.id(), event.patientRef(), event.clinicId());
        return true;
    }

    /**
     * Failures that pass with time ({@link DatabaseFailures}); here a failure without a SQLSTATE
     * counts as one too, so that an unknown cause is retried rather than dead-lettered.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getSQLState() == null || DatabaseFailures.passesWithTime(sql))) {
                return true;
            }
        }
        return false;
    }
}
