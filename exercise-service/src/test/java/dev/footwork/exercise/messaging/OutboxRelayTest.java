package dev.footwork.exercise.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.outbox.Outbox;
import dev.footwork.support.outbox.OutboxEvent;
import dev.footwork.support.outbox.OutboxRelay;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.KafkaRecords;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real broker and database: the order of one patient's events on the topic, a
 * row the broker refuses for good, and a relay that died holding the right to publish.
 */
@ServiceQuarkusTest
class OutboxRelayTest {

    private static final String CLINIC = "clinic-relay";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The advisory lock the relay held, in an open transaction, while it waited on the broker. */
    private static final long FORMER_RELAY_LOCK = 0x466F6F74L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject Outbox outbox;
    @Inject OutboxRelay relay;
    @Inject AgroalDataSource dataSource;
    @Inject MeterRegistry meters;

    @Test
    void concurrentTransactionsOfOnePatientArePublishedInTheOrderTheyCommit() throws Exception {
        String patient = "p-" + UUID.randomUUID();
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<UUID> first =
                CompletableFuture.supplyAsync(
                        () ->
                                Tenancy.transaction(CLINIC)
                                        .call(
                                                () -> {
                                                    UUID id =
                                                            outbox.add(
                                                                    completed(patient),
                                                                    Instant.now());
                                                    firstAdded.countDown();
                                                    waitFor(firstMayCommit);
                                                    return id;
                                                }));
        assertThat(firstAdded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<UUID> second =
                CompletableFuture.supplyAsync(
                        () ->
                                Tenancy.transaction(CLINIC)
                                        .call(() -> outbox.add(completed(patient), Instant.now())));
        // the second either waits for the first's patient lock, or (without one) commits at once
        await().atMost(WAIT).until(() -> second.isDone() || waitingForALock());
        firstMayCommit.countDown();
        UUID firstId = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        UUID secondId = second.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(idsOnTopic(patient, 2))
                                        .containsExactly(firstId.toString(), secondId.toString()));
    }

    @Test
    void aRowTheBrokerRefusesForGoodHoldsBackOnlyItsOwnPatient() {
        String stuck = "p-" + UUID.randomUUID();
        String other = "p-" + UUID.randomUUID();
        // larger than the producer's max.request.size: the broker can never take it
        OutboxEvent tooLarge = row(stuck, "x".repeat(2 * 1024 * 1024));
        OutboxEvent behindIt = row(stuck, "{}");
        OutboxEvent otherPatient = row(other, "{}");
        Tenancy.transaction(CLINIC)
                .run(
                        () -> {
                            tooLarge.persistAndFlush();
                            behindIt.persistAndFlush();
                            otherPatient.persistAndFlush();
                        });
        relay.wake();

        await().atMost(WAIT).until(() -> load(otherPatient.id).publishedAt != null);
        await().atMost(WAIT).until(() -> load(tooLarge.id).heldAt != null);
        OutboxEvent held = load(tooLarge.id);
        assertThat(held.publishedAt).isNull();
        assertThat(held.heldReason).contains("RecordTooLargeException");
        relay.wake();
        await().atMost(WAIT).until(() -> meters.get("footwork.outbox.held").gauge().value() >= 1);
        assertThat(
                        meters.get("footwork.outbox.refused")
                                .tag("cause", "RecordTooLargeException")
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(load(behindIt.id).publishedAt).as("the patient's later row waits").isNull();
        assertThat(idsOnTopic(other, 1)).containsExactly(otherPatient.id.toString());
        assertThat(idsOnTopic(stuck, 1)).isEmpty();

        Tenancy.transaction(CLINIC).run(() -> OutboxEvent.delete("patientRef", stuck));
    }

    @Test
    void aRelayThatDiedInsideItsTransactionDoesNotStopPublishing() throws Exception {
        // what a relay whose host vanished while it waited on the broker left: an open transaction
        // holding the lock, which PostgreSQL keeps until TCP keepalive notices, hours later
        try (Connection dead = dataSource.getConnection()) {
            dead.setAutoCommit(false);
            try (Statement s = dead.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + FORMER_RELAY_LOCK + ")");
            }
            String patient = "p-" + UUID.randomUUID();
            UUID id = addCompletion(patient);

            await().atMost(WAIT).until(() -> load(id).publishedAt != null);
            dead.rollback();
        }
    }

    @Test
    void aLeaseLeftByADeadReplicaIsTakenOverSecondsAfterItExpires() throws Exception {
        Instant expires;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                """
                                insert into outbox_relay_lease (name, holder, expires_at)
                                values ('outbox-relay', 'a-replica-that-died', now() + interval '3 seconds')
                                on conflict (name) do update
                                    set holder = excluded.holder, expires_at = excluded.expires_at
                                returning expires_at
                                """)) {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                expires = r.getTimestamp(1).toInstant();
            }
        }
        String patient = "p-" + UUID.randomUUID();
        UUID id = addCompletion(patient);
        relay.wake();

        await().atMost(Duration.ofSeconds(15)).until(() -> load(id).publishedAt != null);
        assertThat(load(id).publishedAt)
                .as("published by this relay once the dead one's lease had expired")
                .isAfterOrEqualTo(expires.minusMillis(200));
        assertThat(idsOnTopic(patient, 1)).containsExactly(id.toString());
    }

    private UUID addCompletion(String patient) {
        return Tenancy.transaction(CLINIC)
                .call(() -> outbox.add(completed(patient), Instant.now()));
    }

    private boolean waitingForALock() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "select count(*) from pg_locks where locktype = 'advisory'"
                                        + " and not granted")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    /** The CloudEvents ids of the patient's records on the completions topic, in offset order. */
    private List<String> idsOnTopic(String patient, int expected) {
        String key = CLINIC + ":" + patient;
        return KafkaRecords.poll(
                        bootstrapServers,
                        Topics.COMPLETIONS,
                        Integer.MAX_VALUE,
                        Duration.ofSeconds(3))
                .stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> KafkaRecords.header(r, CloudEventAttributes.ID))
                .toList();
    }

    private static OutboxEvent load(UUID id) {
        return Tenancy.transaction(CLINIC).call(() -> OutboxEvent.<OutboxEvent>findById(id));
    }

    private static OutboxEvent row(String patient, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = Topics.COMPLETIONS;
        row.eventType = EventType.EXERCISE_COMPLETED.type();
        row.source = EventType.EXERCISE_COMPLETED.source().orElseThrow();
        row.clinicId = CLINIC;
        row.patientRef = patient;
        row.occurredAt = Instant.now();
        row.payload = payload;
        row.createdAt = Instant.now();
        return row;
    }

    private static ExerciseCompleted completed(String patient) {
        return new ExerciseCompleted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                CLINIC,
                patient,
                ExerciseId.HEEL_RAISE,
                Side.LEFT,
                3,
                10,
                0,
                null,
                2,
                Instant.now());
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
