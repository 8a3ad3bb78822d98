package dev.footwork.progress.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.Topics;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaClusterTestResource;
import dev.footwork.testkit.KafkaTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A channel runs one consumer per partition (footwork.consumers.concurrency, 3 here as in the local
 * run): while one patient's poll waits in its transaction (the test holds that patient's lock), a
 * poll of another partition is applied and committed, so the two consumers' transactions overlap.
 * With one consumer per channel the second poll would wait behind the first.
 */
@ServiceQuarkusTest
@TestProfile(ConcurrentPartitionsTest.ThreePartitions.class)
class ConcurrentPartitionsTest {

    /** A broker of this test's own whose plans and completions topics have three partitions. */
    public static class ThreePartitions implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(
                            KafkaClusterTestResource.class,
                            Map.of(
                                    KafkaClusterTestResource.BROKERS,
                                    "1",
                                    KafkaTestResource.TOPICS,
                                    Topics.PLANS + "," + Topics.COMPLETIONS,
                                    KafkaTestResource.PARTITIONS,
                                    String.valueOf(PARTITIONS))));
        }
    }

    private static final int PARTITIONS = 3;
    private static final String CLINIC = "clinic-concurrent";
    private static final String GROUP = "progress-service.completions";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final Session SESSION = new Session(3, 12, 2, 1);

    /** The advisory-lock namespace of service-support's PatientLock ("Pati"). */
    private static final int PATIENT_LOCK_NAMESPACE = 0x50617469;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "footwork.consumers.concurrency")
    int copies;

    @Inject AgroalDataSource dataSource;

    @Test
    void aPollOfAnotherPartitionIsAppliedWhileOnePartitionsPollWaitsInItsTransaction()
            throws Exception {
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String held = ProgressEvents.newPatient();
        String other = patientOnAnotherPartitionThan(held);
        UUID heldPlan = knownPlan(events, held);
        UUID otherPlan = knownPlan(events, other);
        awaitOneConsumerPerPartition();

        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            takePatientLock(lock, held);

            events.publish(
                    events.completion(heldPlan, held, WorkedExample.TOWEL_LEFT, SESSION, AT));
            await("the held patient's poll waiting for its lock in its transaction")
                    .atMost(WAIT)
                    .until(() -> transactionsWaitingForAPatientLock() == 1);

            events.publish(
                    events.completion(otherPlan, other, WorkedExample.TOWEL_LEFT, SESSION, AT));
            await("the other partition's poll applied meanwhile")
                    .atMost(WAIT)
                    .until(() -> sessions(other) == 1);
            assertThat(transactionsWaitingForAPatientLock())
                    .as("the held poll's transaction, still open")
                    .isEqualTo(1);
            assertThat(sessions(held)).as("sessions of the held patient").isZero();

            lock.rollback();
        }
        await().atMost(WAIT).until(() -> sessions(held) == 1);
    }

    private static String patientOnAnotherPartitionThan(String patient) {
        String other = ProgressEvents.newPatient();
        while (partitionOf(other) == partitionOf(patient)) {
            other = ProgressEvents.newPatient();
        }
        return other;
    }

    /** The partition the producer's default partitioner picks for the patient's key. */
    private static int partitionOf(String patient) {
        byte[] key = (CLINIC + ":" + patient).getBytes(StandardCharsets.UTF_8);
        return BuiltInPartitioner.partitionForKey(key, PARTITIONS);
    }

    /**
     * Every copy of the completions consumer has joined the group (one per partition at most) and
     * every partition is assigned, so the two patients' partitions are held by two copies.
     */
    private void awaitOneConsumerPerPartition() {
        int members = Math.min(copies, PARTITIONS);
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await("the completions group's partitions spread over its consumers")
                    .atMost(WAIT)
                    .until(
                            () -> {
                                ConsumerGroupDescription group =
                                        admin.describeConsumerGroups(List.of(GROUP))
                                                .all()
                                                .get()
                                                .get(GROUP);
                                return group.members().size() == members
                                        && group.members().stream()
                                                        .mapToInt(
                                                                m ->
                                                                        m.assignment()
                                                                                .topicPartitions()
                                                                                .size())
                                                        .sum()
                                                == PARTITIONS;
                            });
        }
    }

    private static void takePatientLock(Connection connection, String patient) throws Exception {
        try (PreparedStatement q =
                connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
            q.setInt(1, PATIENT_LOCK_NAMESPACE);
            q.setString(2, CLINIC + ":" + patient);
            q.executeQuery().close();
        }
    }

    /** Other sessions of this database waiting for an advisory lock inside a transaction. */
    private int transactionsWaitingForAPatientLock() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select count(*) from pg_stat_activity where datname ="
                                        + " current_database() and pid <> pg_backend_pid() and"
                                        + " wait_event_type = 'Lock' and wait_event = 'advisory'"
                                        + " and xact_start is not null");
                ResultSet n = q.executeQuery()) {
            n.next();
            return n.getInt(1);
        }
    }

    private static UUID knownPlan(ProgressEvents events, String patient) {
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        await().atMost(WAIT).until(() -> sessions(patient) == 0);
        return plan;
    }

    private static Response progress(String patient) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/progress");
    }

    private static int sessions(String patient) {
        Response r = progress(patient);
        return r.statusCode() == 200 ? r.<Integer>path("completedSessions") : -1;
    }
}
