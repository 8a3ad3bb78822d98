package dev.footwork.progress.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.HealthEndpoints;
import dev.footwork.progress.support.HealthEndpoints.Answer;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.ProxiedPostgresTestResource;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.TcpProxy;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The completions consumer through a database outage and a dead-letter-topic outage, each longer
 * than the limit after which the commit strategy takes an unacknowledged record for a hung consumer
 * (set to 4 s here; 60 s by default): consumption pauses, nothing is dead-lettered for the outage,
 * liveness stays UP, readiness says DOWN within a second, and everything resumes by itself when the
 * dependency is back.
 */
@ServiceQuarkusTest
@TestProfile(ConsumerOutageTest.ShortUnackedLimit.class)
class ConsumerOutageTest {

    /**
     * The throttled commit strategy's limit on the completions channel (every copy of it), short so
     * that an outage outlasts it quickly. Not on the plans channel: it holds no record during the
     * outages, and the first plan of a cold application took longer than 4 s to apply on a loaded
     * machine, which the strategy rightly takes for a hung consumer (no dependency was away).
     */
    public static class ShortUnackedLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.completions.throttled.unprocessed-record-max-age.ms",
                    String.valueOf(UNACKED_LIMIT.toMillis()),
                    // the strategy checks the limit at each commit
                    "mp.messaging.incoming.completions.auto.commit.interval.ms",
                    "500",
                    "footwork.messaging.max-retry-backoff",
                    "1s",
                    "footwork.messaging.send-timeout",
                    "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedPostgresTestResource.class));
        }
    }

    private static final String CLINIC = "clinic-outage";
    private static final Duration UNACKED_LIMIT = Duration.ofSeconds(4);

    /** Longer than the limit plus a commit interval, so the old behaviour shows. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final Session SESSION = new Session(3, 12, 2, 1);

    /** The application's only way to its database (ProxiedPostgresTestResource). */
    TcpProxy database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI service;

    @Inject AgroalDataSource dataSource;

    private ProgressEvents events;
    private HealthEndpoints health;

    @BeforeEach
    void events() {
        events = new ProgressEvents(bootstrapServers, CLINIC);
        health = new HealthEndpoints(service);
    }

    @Test
    void aDatabaseOutagePausesConsumptionWhichResumesByItself() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        warmUp();
        List<ExerciseCompleted> completions =
                IntStream.range(0, 5)
                        .mapToObj(
                                i ->
                                        events.completion(
                                                plan,
                                                patient,
                                                WorkedExample.TOWEL_LEFT,
                                                SESSION,
                                                AT.plusSeconds(60L * i)))
                        .toList();

        database.cut();
        try {
            long cutAt = System.nanoTime();
            Answer down = health.awaitReadiness(503);
            Duration toDown = Duration.ofNanos(System.nanoTime() - cutAt);
            System.out.printf(
                    "readiness 503 %d ms after the database went away (answered in %d ms): %s%n",
                    toDown.toMillis(), down.took().toMillis(), down.body());
            assertThat(toDown)
                    .as("time until readiness said DOWN")
                    .isLessThan(Duration.ofMillis(1500));
            completions.forEach(events::publish);
            health.holdThrough(OUTAGE, 503);
        } finally {
            database.restore();
        }

        awaitSessions(patient, completions.size());
        health.awaitReadiness(200);
        assertThat(health.liveness().status()).isEqualTo(200);
        assertThat(completionRows(plan)).as("each completion applied once").isEqualTo(5);
        assertThat(deadLettersOf(patient, Duration.ofSeconds(3))).as("dead letters").isEmpty();
    }

    @Test
    void aPoisonRecordWaitsForTheDeadLetterTopicAndTheNextRecordWaitsBehindIt() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        ExerciseCompleted beyondThePlan =
                events.completion(
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        SESSION,
                        Instant.parse("9999-12-31T00:00:00Z"));
        ExerciseCompleted fitting =
                events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, AT);
        warmUp();

        try (Admin admin = admin()) {
            createDeadLetterTopic(admin);
            // the broker refuses every dead letter, as while the topic is missing with
            // auto-creation off or an ACL refuses the service, until an operator puts it right
            refuseRecordsLargerThan(admin, "100");
            try {
                events.publish(beyondThePlan);
                events.publish(fitting);
                health.holdThrough(OUTAGE, null);
                assertThat(sessions(patient))
                        .as("the next record waits behind the poison one")
                        .isZero();
                Answer ready = health.readiness();
                assertThat(ready.status()).as("readiness: " + ready.body()).isEqualTo(503);
            } finally {
                refuseRecordsLargerThan(admin, null);
            }
        }

        awaitSessions(patient, 1);
        List<ConsumerRecord<String, String>> dead = deadLettersOf(patient, Duration.ofSeconds(5));
        assertThat(dead).hasSize(1);
        assertThat(KafkaRecords.header(dead.get(0), CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("outside-plan");
        assertThat(KafkaRecords.header(dead.get(0), CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("9999-12-31");
        health.awaitReadiness(200);
    }

    /** Ready and live, asked without a time limit: the first answers of a cold JVM are slow. */
    private static void warmUp() {
        await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
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

    private static Response progress(String patient) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/progress");
    }

    private static int sessions(String patient) {
        Response r = progress(patient);
        return r.statusCode() == 200 ? r.<Integer>path("completedSessions") : -1;
    }

    private static void awaitSessions(String patient, int expected) {
        await().atMost(WAIT).until(() -> sessions(patient) == expected);
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

    private List<ConsumerRecord<String, String>> deadLettersOf(String patient, Duration wait) {
        return KafkaRecords.poll(
                        bootstrapServers, Topics.PROGRESS_DEAD_LETTER, Integer.MAX_VALUE, wait)
                .stream()
                .filter(r -> (CLINIC + ":" + patient).equals(r.key()))
                .toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static void createDeadLetterTopic(Admin admin) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(Topics.PROGRESS_DEAD_LETTER, 1, (short) 1)))
                    .all()
                    .get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Sets the dead-letter topic's max.message.bytes (back to the broker's default when null) and
     * waits until the broker reports it.
     */
    private static void refuseRecordsLargerThan(Admin admin, String bytes) throws Exception {
        ConfigResource topic =
                new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROGRESS_DEAD_LETTER);
        ConfigEntry entry = new ConfigEntry("max.message.bytes", bytes == null ? "" : bytes);
        AlterConfigOp op =
                new AlterConfigOp(
                        entry,
                        bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(op));
        admin.incrementalAlterConfigs(change).all().get();
        await().atMost(WAIT)
                .until(
                        () -> {
                            ConfigEntry now =
                                    admin.describeConfigs(List.of(topic))
                                            .all()
                                            .get()
                                            .get(topic)
                                            .get("max.message.bytes");
                            return bytes == null
                                    ? now.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                                    : bytes.equals(now.value());
                        });
    }
}
