package dev.footwork.support.outbox;

import static dev.footwork.contracts.CloudEventAttributes.CLINIC_ID;
import static dev.footwork.contracts.CloudEventAttributes.CONTENT_TYPE;
import static dev.footwork.contracts.CloudEventAttributes.CONTENT_TYPE_JSON;
import static dev.footwork.contracts.CloudEventAttributes.ID;
import static dev.footwork.contracts.CloudEventAttributes.SOURCE;
import static dev.footwork.contracts.CloudEventAttributes.SPEC_VERSION;
import static dev.footwork.contracts.CloudEventAttributes.SPEC_VERSION_VALUE;
import static dev.footwork.contracts.CloudEventAttributes.SUBJECT;
import static dev.footwork.contracts.CloudEventAttributes.TIME;
import static dev.footwork.contracts.CloudEventAttributes.TYPE;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.kafka.EventProducer;
import dev.footwork.support.kafka.RecordHeaders;
import dev.footwork.support.retry.Backoff;
import dev.footwork.support.tenancy.Tenancy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and marks each row only after the broker has
 * acknowledged it. A crash between the acknowledgement and the mark re-publishes the row with the
 * same CloudEvents id, which idempotent consumers skip.
 *
 * <p>One relay publishes at a time per database (a transaction-scoped advisory lock), so several
 * replicas never interleave one patient's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock key held while publishing ("Foot" in ASCII). */
    private static final long RELAY_LOCK = 0x466F6F74L;

    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    /** Longest wait between rounds while publishing keeps failing. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final EventProducer producer;
    private final OutboxConfig config;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(
            EntityManager entityManager, EventProducer producer, OutboxConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.producer = producer;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        // Kafka loads configured classes through the context class loader
        thread.setContextClassLoader(OutboxRelay.class.getClassLoader());
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Asks the relay to look for new rows now. */
    public void wake() {
        wakeups.release();
    }

    /**
     * Waits for a commit, the poll interval, or after failures a growing back-off; stop wakes it.
     */
    private void run() {
        Backoff backoff = new Backoff(config.pollInterval(), MAX_PAUSE);
        Duration pause = config.pollInterval();
        while (running) {
            try {
                if (wakeups.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
                if (!running) {
                    return;
                }
                publishPending();
                cleanUpIfDue();
                backoff.succeeded();
                pause = config.pollInterval();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                pause = backoff.failed();
                LOG.warnf(e, "Outbox relay round failed, retrying in %s", pause);
            }
        }
    }

    /**
     * Publishes every pending row, batch after batch.
     *
     * @return the number of rows published and marked
     */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published =
                    Tenancy.call(
                            Tenancy.NO_CLINIC,
                            () -> QuarkusTransaction.requiringNew().call(this::publishBatch));
            total += published;
        } while (published == config.batchSize() && running);
        return total;
    }

    private int publishBatch() {
        Boolean locked =
                (Boolean)
                        entityManager
                                .createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                                .setParameter("key", RELAY_LOCK)
                                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch =
                OutboxEvent.<OutboxEvent>find("publishedAt is null", Sort.by("seq"))
                        .page(0, config.batchSize())
                        .list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            acks.add(producer.send(toRecord(row)));
        }
        List<UUID> acknowledged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.get(i).get(producer.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(row.id);
            } catch (ExecutionException | TimeoutException e) {
                // Later rows stay pending too, so one patient's events keep their order.
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                row.attempts++;
                row.lastError = truncate(cause.toString());
                LOG.warnf("Publishing outbox event %s failed: %s", row.id, cause.toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!acknowledged.isEmpty()) {
            OutboxEvent.update("publishedAt = ?1 where id in ?2", clock.instant(), acknowledged);
        }
        return acknowledged.size();
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEvent row) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(
                        row.topic,
                        new PatientKey(row.clinicId, row.patientRef).toString(),
                        row.payload.getBytes(StandardCharsets.UTF_8));
        RecordHeaders.put(record.headers(), SPEC_VERSION, SPEC_VERSION_VALUE);
        RecordHeaders.put(record.headers(), ID, row.id.toString());
        RecordHeaders.put(record.headers(), TYPE, row.eventType);
        RecordHeaders.put(record.headers(), SOURCE, row.source);
        RecordHeaders.put(record.headers(), SUBJECT, row.patientRef);
        RecordHeaders.put(record.headers(), TIME, row.occurredAt.toString());
        RecordHeaders.put(record.headers(), CLINIC_ID, row.clinicId);
        RecordHeaders.put(record.headers(), CONTENT_TYPE, CONTENT_TYPE_JSON);
        return record;
    }

    private void cleanUpIfDue() {
        Instant now = clock.instant();
        if (lastCleanup.plus(CLEANUP_EVERY).isAfter(now)) {
            return;
        }
        lastCleanup = now;
        long deleted =
                Tenancy.call(
                        Tenancy.NO_CLINIC,
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .call(
                                                () ->
                                                        OutboxEvent.delete(
                                                                "publishedAt < ?1",
                                                                now.minus(config.retention()))));
        if (deleted > 0) {
            LOG.debugf("Deleted %d published outbox rows", deleted);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
