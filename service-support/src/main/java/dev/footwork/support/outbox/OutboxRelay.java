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
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks each row only after the broker has acknowledged it. A
 * crash between the acknowledgement and the mark re-publishes the row with the same CloudEvents id,
 * which idempotent consumers skip.
 *
 * <p>Each round is three steps, and only the first and the last touch the database, each in a short
 * transaction of its own: take or renew the {@link RelayLease} and read the pending rows; publish
 * them, a patient's rows one after another ({@link PerKeySends}); mark what the broker
 * acknowledged. No transaction stays open while the relay waits on the broker.
 *
 * <p>A row the broker refuses for good (too large, topic not authorised) is held with its reason,
 * logged and counted ({@code footwork.outbox.refused}, gauge {@code footwork.outbox.held}); it
 * holds back only its own patient's later rows, and is tried again every {@link
 * OutboxConfig#heldRetry()}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    /** Longest wait between rounds while publishing keeps failing. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    /** Failures that are the record's own: sending it again fails the same way. */
    private static final List<Class<? extends Throwable>> REFUSALS =
            List.of(
                    RecordTooLargeException.class,
                    RecordBatchTooLargeException.class,
                    InvalidTopicException.class,
                    TopicAuthorizationException.class,
                    InvalidRecordException.class,
                    SerializationException.class);

    private final EventProducer producer;
    private final RelayLease lease;
    private final OutboxConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PerKeySends<OutboxEvent> sends;
    private final AtomicLong held = new AtomicLong();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(
            EventProducer producer,
            RelayLease lease,
            OutboxConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.producer = producer;
        this.lease = lease;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.sends =
                new PerKeySends<>(
                        row -> new PatientKey(row.clinicId, row.patientRef),
                        (row, done) ->
                                producer.send(
                                        toRecord(row),
                                        (metadata, failure) -> done.accept(row, failure)),
                        OutboxRelay::refusedForGood,
                        System::nanoTime);
        Gauge.builder("footwork.outbox.held", held, AtomicLong::get)
                .description("Outbox rows the broker refused for good, holding back their patient")
                .register(meters);
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
        if (!running) {
            return;
        }
        running = false;
        wake();
        thread.join(Duration.ofSeconds(10).toMillis());
        try {
            inTransaction(
                    () -> {
                        lease.release();
                        return null;
                    });
        } catch (RuntimeException e) {
            LOG.debugf("Could not give the relay lease up (it expires by itself): %s", e);
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
                if (publishPending()) {
                    backoff.succeeded();
                    pause = config.pollInterval();
                } else {
                    pause = backoff.failed();
                }
                cleanUpIfDue();
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
     * Publishes pending rows, round after round while rounds come back full.
     *
     * @return false when the broker failed a send in a way that may pass (the caller backs off)
     */
    public boolean publishPending() throws InterruptedException {
        while (true) {
            List<OutboxEvent> pending = inTransaction(this::leaseAndRead);
            if (pending.isEmpty()) {
                return true;
            }
            PerKeySends.Outcome<OutboxEvent> outcome =
                    sends.publish(
                            pending,
                            config.lease().dividedBy(2),
                            producer.sendTimeout().plusSeconds(1));
            inTransaction(() -> mark(outcome));
            boolean mayPass = outcome.failed().stream().anyMatch(f -> !f.permanent());
            if (mayPass) {
                return false;
            }
            if (pending.size() < config.batchSize() || !outcome.failed().isEmpty() || !running) {
                return true;
            }
        }
    }

    /** The rows to publish, in insert order, when this instance holds the lease; else none. */
    private List<OutboxEvent> leaseAndRead() {
        if (!lease.acquire(config.lease())) {
            return List.of();
        }
        Instant retryHeldBefore = clock.instant().minus(config.heldRetry());
        // a query of its own: Panache's count is translated anew at every call, each relay pass
        held.set(
                OutboxEvent.getEntityManager()
                        .createQuery(
                                "select count(e) from OutboxEvent e where e.publishedAt is null"
                                        + " and e.heldAt is not null",
                                Long.class)
                        .getSingleResult());
        return OutboxEvent.<OutboxEvent>find(
                        """
                        from OutboxEvent e
                        where e.publishedAt is null
                          and (e.heldAt is null or e.heldAt < ?1)
                          and not exists (
                              from OutboxEvent h
                              where h.publishedAt is null and h.heldAt >= ?1
                                and h.clinicId = e.clinicId and h.patientRef = e.patientRef
                                and h.seq < e.seq)
                        order by e.seq
                        """,
                        retryHeldBefore)
                .page(0, config.batchSize())
                .list();
    }

    private Void mark(PerKeySends.Outcome<OutboxEvent> outcome) {
        Instant now = clock.instant();
        if (!outcome.published().isEmpty()) {
            OutboxEvent.update(
                    "publishedAt = ?1 where id in ?2",
                    now,
                    outcome.published().stream().map(row -> row.id).toList());
        }
        for (PerKeySends.Failure<OutboxEvent> failure : outcome.failed()) {
            OutboxEvent row = failure.row();
            String reason = truncate(failure.cause().toString());
            if (failure.permanent()) {
                OutboxEvent.update(
                        "attempts = attempts + 1, lastError = ?1, heldAt = ?2, heldReason = ?1"
                                + " where id = ?3",
                        reason,
                        now,
                        row.id);
                meters.counter(
                                "footwork.outbox.refused",
                                "topic",
                                row.topic,
                                "cause",
                                failure.cause().getClass().getSimpleName())
                        .increment();
                LOG.errorf(
                        "The broker refused outbox event %s (%s on %s) for good; it and the later"
                                + " events of patient %s of %s are held back: %s",
                        row.id, row.eventType, row.topic, row.patientRef, row.clinicId, reason);
            } else {
                OutboxEvent.update(
                        "attempts = attempts + 1, lastError = ?1 where id = ?2", reason, row.id);
                LOG.warnf("Publishing outbox event %s failed: %s", row.id, reason);
            }
        }
        return null;
    }

    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> refusal : REFUSALS) {
                if (refusal.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> T inTransaction(Callable<T> work) {
        return Tenancy.call(Tenancy.NO_CLINIC, () -> QuarkusTransaction.requiringNew().call(work));
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
                inTransaction(
                        () ->
                                OutboxEvent.delete(
                                        "publishedAt < ?1", now.minus(config.retention())));
        if (deleted > 0) {
            LOG.debugf("Deleted %d published outbox rows", deleted);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
