package dev.footwork.support.inbox;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.DataErased;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.support.application.ApplicationException;
import dev.footwork.support.erasure.ErasedPatients;
import dev.footwork.support.erasure.PatientLock;
import dev.footwork.support.health.WaitingConsumers;
import dev.footwork.support.kafka.MessagingConfig;
import dev.footwork.support.retry.Backoff;
import dev.footwork.support.retry.ShutdownSignal;
import dev.footwork.support.tenancy.Tenancy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way Footwork consumers apply events: read and check the envelope, then apply the effect
 * and record the event as processed in one transaction, so a redelivered event changes nothing.
 * Poison records go to the dead-letter topic and consumption continues: envelope faults, and
 * refusals of the use case ({@link ApplicationException}, whose code becomes the dead-letter
 * cause). While the database is unreachable the event is retried, never dead-lettered: the record
 * stays unacknowledged (no offset is committed past it), later records of the channel wait behind
 * it, and readiness says DOWN ({@link WaitingConsumers}) until it has been applied.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EnvelopeReader reader;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final MessagingConfig config;
    private final ErasedPatients erased;
    private final PatientLock patientLock;
    private final ShutdownSignal shutdown;
    private final WaitingConsumers waiting;

    EventInbox(
            EnvelopeReader reader,
            ProcessedEvents processed,
            DeadLetters deadLetters,
            MessagingConfig config,
            ErasedPatients erased,
            PatientLock patientLock,
            ShutdownSignal shutdown,
            WaitingConsumers waiting) {
        this.reader = reader;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.config = config;
        this.erased = erased;
        this.patientLock = patientLock;
        this.shutdown = shutdown;
        this.waiting = waiting;
    }

    /**
     * Applies one record at most once for this consumer.
     *
     * @param consumer the consumer's stable name; the de-duplication is per consumer
     * @param accepted the event types this consumer understands
     * @param effect the change to make, run inside the transaction that marks the event processed;
     *     it refuses the event by throwing an {@link ApplicationException}
     * @throws IllegalStateException only when the service stops while the record waits; it is not
     *     acknowledged and will be delivered again
     */
    public void receive(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            Set<EventType> accepted,
            Consumer<InboundEvent> effect) {
        try {
            apply(consumer, record, accepted, effect);
        } finally {
            waiting.resumed(consumer);
        }
    }

    private void apply(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            Set<EventType> accepted,
            Consumer<InboundEvent> effect) {
        InboundEvent event;
        try {
            event = reader.read(record, accepted);
        } catch (PoisonEventException poison) {
            deadLetters.send(record, consumer, poison);
            return;
        }
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
                                                    if (processed.claim(consumer, event)
                                                            && !aboutAnErasedPatient(event)) {
                                                        effect.accept(event);
                                                    }
                                                }));
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
    private boolean aboutAnErasedPatient(InboundEvent event) {
        if (event.payload() instanceof PatientErased
                || event.payload() instanceof DataErased
                || !erased.isErased(event.clinicId(), event.patientRef())) {
            return false;
        }
        LOG.infof(
                "Skipped %s %s: its patient %s of %s has been erased",
                event.type().type(), event.id(), event.patientRef(), event.clinicId());
        return true;
    }

    /**
     * Failures that pass with time, by SQLSTATE: connection loss (08), serialization failures and
     * deadlocks (40), exhausted resources (53), operator intervention and statement timeouts (57),
     * lock timeouts (55P03) and a database that turned read-only in a failover (25006). Data and
     * constraint errors (22, 23) repeat: they are poison.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null
                        || state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.equals("55P03")
                        || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }
}
