package dev.footwork.progress.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The completions consumer applies a poll's records together: records written to the broker in one
 * batch reach it in one poll, and are applied in one transaction (their processed_event claims
 * carry one transaction id, {@code xmin}), a poison record among them is dead-lettered alone, a
 * patient's records take effect in offset order, and the same poll delivered again changes nothing.
 */
@ServiceQuarkusTest
class BatchConsumptionTest {

    private static final String CLINIC = "clinic-batch";
    private static final String SOURCE = "/footwork/exercise-service";
    private static final String CONSUMER = "progress-service.completions";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final Session SESSION = new Session(3, 12, 2, 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;

    private ProgressEvents events;

    @BeforeEach
    void events() {
        events = new ProgressEvents(bootstrapServers, CLINIC);
    }

    @Test
    void aPollOfCompletionsOfSeveralPatientsIsAppliedInOneTransaction() throws Exception {
        String first = ProgressEvents.newPatient();
        String second = ProgressEvents.newPatient();
        UUID firstPlan = knownPlan(first);
        UUID secondPlan = knownPlan(second);
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean firsts = i % 2 == 0;
            ExerciseCompleted completion =
                    events.completion(
                            firsts ? firstPlan : secondPlan,
                            firsts ? first : second,
                            WorkedExample.TOWEL_LEFT,
                            SESSION,
                            AT.plusSeconds(60L * i));
            String id = UUID.randomUUID().toString();
            ids.add(id);
            poll.add(record(completion, id));
        }

        publishInOneBatch(poll);

        awaitSessions(first, 10);
        awaitSessions(second, 10);
        assertThat(transactionsThatClaimed(ids))
                .as("transactions that applied the poll's 20 records")
                .isEqualTo(1);
    }

    @Test
    void aPoisonRecordInAPollIsDeadLetteredAloneAndTheOthersAreApplied() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = i == 3 ? Instant.parse("9999-12-31T00:00:00Z") : AT.plusSeconds(60L * i);
            poll.add(
                    record(
                            events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, at),
                            UUID.randomUUID().toString()));
        }

        publishInOneBatch(poll);

        awaitSessions(patient, 6);
        List<ConsumerRecord<String, String>> dead = deadLettersOf(patient);
        assertThat(dead).hasSize(1);
        assertThat(KafkaRecords.header(dead.get(0), CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("outside-plan");
        assertThat(completionRows(plan)).as("completions stored").isEqualTo(6);
    }

    @Test
    void aPatientsRecordsInAPollTakeEffectInOffsetOrderAndTheSamePollAgainChangesNothing()
            throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        UUID completionId = UUID.randomUUID();
        // the same session published twice (as by a retrying client), differing in what it says:
        // the first in offset order is stored, the second finds it stored
        ExerciseCompleted earlier =
                events.completion(
                        completionId, plan, patient, WorkedExample.TOWEL_LEFT, SESSION, AT);
        ExerciseCompleted later =
                events.completion(
                        completionId,
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        new Session(5, 15, 3, 2),
                        AT);
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        poll.add(record(earlier, UUID.randomUUID().toString()));
        poll.add(record(later, UUID.randomUUID().toString()));
        for (int i = 1; i <= 4; i++) {
            poll.add(
                    record(
                            events.completion(
                                    plan,
                                    patient,
                                    WorkedExample.TOWEL_LEFT,
                                    SESSION,
                                    AT.plusSeconds(600L * i)),
                            UUID.randomUUID().toString()));
        }

        publishInOneBatch(poll);
        awaitSessions(patient, 5);
        assertThat(storedSets(completionId)).as("sets of the first copy").isEqualTo(3);
        long claims = claimsOf(poll);

        // the same records again, as after a crash before the commit, then one new record behind
        // them: once it is applied, the redelivered poll has been consumed
        publishInOneBatch(poll);
        String marker = ProgressEvents.newPatient();
        UUID markerPlan = knownPlan(marker);
        events.publish(
                events.completion(markerPlan, marker, WorkedExample.TOWEL_LEFT, SESSION, AT));
        awaitSessions(marker, 1);

        assertThat(sessions(patient)).as("sessions after the redelivery").isEqualTo(5);
        assertThat(completionRows(plan)).as("completions stored").isEqualTo(5);
        assertThat(claimsOf(poll)).as("claims after the redelivery").isEqualTo(claims);
        assertThat(storedSets(completionId)).isEqualTo(3);
        assertThat(deadLettersOf(patient)).isEmpty();
    }

    private static ProducerRecord<String, byte[]> record(ExerciseCompleted completion, String id) {
        return CloudEventRecords.record(EventType.EXERCISE_COMPLETED, id, SOURCE, completion);
    }

    /**
     * Writes the records as one record batch of the topic's partition (the producer waits until
     * flushed), so that the consumer's fetch returns them in one poll.
     */
    private void publishInOneBatch(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        60_000,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        1 << 20);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // metadata first, so that the records wait in one batch rather than one by one
            producer.partitionsFor(Topics.COMPLETIONS);
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private UUID knownPlan(String patient) {
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        awaitSessions(patient, 0);
        return plan;
    }

    private static int sessions(String patient) {
        Response r =
                given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                        .get("/api/v1/patients/" + patient + "/progress");
        return r.statusCode() == 200 ? r.<Integer>path("completedSessions") : -1;
    }

    private static void awaitSessions(String patient, int expected) {
        await().atMost(WAIT).until(() -> sessions(patient) == expected);
    }

    /** How many transactions wrote the consumer's claims of these events. */
    private long transactionsThatClaimed(List<String> eventIds) throws Exception {
        return count(
                "select count(distinct xmin::text) from processed_event where consumer = ? and"
                        + " clinic_id = ? and event_id = any(?)",
                eventIds);
    }

    private long claimsOf(List<ProducerRecord<String, byte[]>> records) throws Exception {
        List<String> ids =
                records.stream()
                        .map(
                                r ->
                                        new String(
                                                r.headers()
                                                        .lastHeader(CloudEventAttributes.ID)
                                                        .value()))
                        .toList();
        return count(
                "select count(*) from processed_event where consumer = ? and clinic_id = ? and"
                        + " event_id = any(?)",
                ids);
    }

    private long count(String sql, List<String> eventIds) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, CONSUMER);
            q.setString(2, CLINIC);
            q.setArray(3, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }

    private long completionRows(UUID plan) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select count(*) from completion where plan_id = ?")) {
            q.setObject(1, plan);
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }

    private int storedSets(UUID completionId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select sets from completion where completion_id = ?")) {
            q.setObject(1, completionId);
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).as("completion " + completionId + " stored").isTrue();
                return row.getInt(1);
            }
        }
    }

    private List<ConsumerRecord<String, String>> deadLettersOf(String patient) {
        return KafkaRecords.poll(
                        bootstrapServers,
                        Topics.PROGRESS_DEAD_LETTER,
                        Integer.MAX_VALUE,
                        Duration.ofSeconds(3))
                .stream()
                .filter(r -> (CLINIC + ":" + patient).equals(r.key()))
                .toList();
    }
}
