package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.application.ChangeNotices;
import dev.footwork.progress.application.EvaluatePlans;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.domain.WorkedExample.Logged;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregates, alerts, worklist and live stream against the real broker and database. */
@ServiceQuarkusTest
class ProgressAggregationTest {

    private static final String CLINIC = ProgressFlowTest.CLINIC;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    @Inject TestClock clock;
    @Inject EvaluatePlans evaluator;
    @Inject AgroalDataSource dataSource;
    @Inject ObjectMapper mapper;

    private ProgressEvents events;

    @BeforeEach
    void stopTheClock() {
        events = new ProgressEvents(bootstrapServers, CLINIC);
        clock.stopAt(AT);
    }

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void theWorkedExampleArrivingOutOfOrderAndRedeliveredCountsEachSessionOnce() {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        List<ExerciseCompleted> completions =
                completions(events, plan, patient, WorkedExample.sessions());
        // five sessions before their plan, the rest after it
        completions.subList(0, 5).forEach(events::publish);
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        completions.subList(5, completions.size()).forEach(events::publish);
        // the same event five times, and the same session under a new event id
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            events.publish(completions.get(7), eventId);
        }
        events.publish(completions.get(3));

        Response summary = awaitSessions(CLINIC, patient, 17);
        summary.then()
                .body("currentWeek", equalTo(3))
                .body("currentPhase", equalTo(1))
                .body("phaseName", equalTo("Foundation"))
                .body("prescribedSessionsToDate", equalTo(21))
                .body("adherencePercent", equalTo(76.2f))
                .body("adherenceLast7DaysPercent", equalTo(62.5f))
                .body("totalReps", equalTo(576))
                .body("volume", equalTo(1332))
                .body("meanPain", equalTo(2.1f))
                .body("maxPain", equalTo(6))
                .body("sessionsAbovePainLimit", equalTo(1))
                .body("painTrend", equalTo("RISING"))
                .body("streakWeeks", equalTo(2))
                .body("nextReassessmentOn", equalTo("2026-12-07"))
                .body("flags", contains("PAIN"))
                .body("riskScore", equalTo(54))
                .body("lastActivityAt", equalTo("2026-11-18T07:30:00Z"))
                .body(
                        "exercises.exerciseId",
                        contains("towel-grab", "band-inversion", "heel-raise"))
                .body("exercises.volume", contains(432, 540, 360));

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/progress/weeks")
                .then()
                .statusCode(200)
                .body("weeks", hasSize(8))
                .body("weeks[0].startsOn", equalTo("2026-11-02"))
                .body("weeks[0].completedSessions", equalTo(8))
                .body("weeks[0].adherencePercent", equalTo(87.5f))
                .body("weeks[0].volume", equalTo(630))
                .body("weeks[1].meanPain", equalTo(2.0f))
                .body("weeks[2].adherencePercent", equalTo(25.0f))
                .body("weeks[2].sessionsAbovePainLimit", equalTo(1))
                .body("weeks[3].adherencePercent", equalTo(null));
    }

    @Test
    void eachProgressEventIsEmittedOnceHoweverOftenAndConcurrentlyPlansAreEvaluated()
            throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        completions(events, plan, patient, WorkedExample.sessions()).forEach(events::publish);
        awaitSessions(CLINIC, patient, 17);

        // two replicas' passes at once, then a third: phase 1 completed, pain above the limit
        CompletableFuture<EvaluatePlans.Pass> one =
                CompletableFuture.supplyAsync(() -> evaluator.evaluateDue(AT));
        CompletableFuture<EvaluatePlans.Pass> two =
                CompletableFuture.supplyAsync(() -> evaluator.evaluateDue(AT));
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
        evaluator.evaluateDue(AT);
        // a week later the adherence drop and the rise of week 3 are new; pain above is not
        evaluator.evaluateDue(AT.plus(7, ChronoUnit.DAYS));
        evaluator.evaluateDue(AT.plus(7, ChronoUnit.DAYS).plusSeconds(60));

        String key = CLINIC + ":" + patient;
        KafkaRecords.find(
                        bootstrapServers,
                        Topics.PROGRESS,
                        r -> key.equals(r.key()) && r.value().contains("\"windowDays\""),
                        WAIT)
                .orElseThrow(() -> new AssertionError("no AdherenceDropped published"));
        // the relay publishes in commit order: everything emitted before is on the topic by now
        List<String> published = new ArrayList<>();
        for (ConsumerRecord<String, String> r :
                KafkaRecords.poll(
                        bootstrapServers,
                        Topics.PROGRESS,
                        Integer.MAX_VALUE,
                        Duration.ofSeconds(5))) {
            if (key.equals(r.key())) {
                JsonNode payload = mapper.readTree(r.value());
                String type = KafkaRecords.header(r, CloudEventAttributes.TYPE);
                published.add(
                        type.equals(EventType.PAIN_RULE_BROKEN.type())
                                ? type
                                        + "/"
                                        + payload.get("rule").asText()
                                        + "/"
                                        + payload.get("week").asInt()
                                : type);
            }
        }
        assertThat(published)
                .containsExactlyInAnyOrder(
                        EventType.PHASE_COMPLETED.type(),
                        EventType.PAIN_RULE_BROKEN.type() + "/ABOVE_THRESHOLD/3",
                        EventType.ADHERENCE_DROPPED.type(),
                        EventType.PAIN_RULE_BROKEN.type() + "/RISING_WEEK_ON_WEEK/3");
    }

    @Test
    void theLiveStreamReplaysTheLastValueThenFollowsChangesFromAnyReplica() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        List<ExerciseCompleted> completions =
                completions(events, plan, patient, WorkedExample.sessions());
        events.publish(completions.get(0));
        awaitSessions(CLINIC, patient, 1);

        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                base.resolve(
                                                        "/api/v1/patients/"
                                                                + patient
                                                                + "/progress/stream"))
                                        .header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> readEvents(stream.body(), received));
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(received).get("completedSessions").asInt()).as("replayed").isEqualTo(1);

            events.publish(completions.get(1));
            assertThat(next(received).get("completedSessions").asInt()).isEqualTo(2);

            // another replica's commit reaches this one through PostgreSQL
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement notify =
                            connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, ChangeNotices.CHANNEL);
                notify.setString(2, CLINIC + " " + patient);
                notify.execute();
            }
            JsonNode fromElsewhere = next(received);
            assertThat(fromElsewhere.get("patientRef").asText()).isEqualTo(patient);
            assertThat(fromElsewhere.get("volume").asLong()).isEqualTo(2 * 90);
        } finally {
            stream.body().close();
        }
        // the stream is served on an event-loop thread; its audit entry is written off it
        await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.ADMIN, CLINIC))
                                        .queryParam("patientRef", patient)
                                        .get("/api/v1/audit")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .<List<String>>path("items.operation"),
                        operations ->
                                operations.contains(
                                        "/api/v1/patients/{patientRef}/progress/stream"));
    }

    @Test
    void theWorklistPutsPatientsAtRiskFirstAndPages() {
        String clinic = "clinic-w" + UUID.randomUUID().toString().substring(0, 6);
        ProgressEvents here = new ProgressEvents(bootstrapServers, clinic);
        PlanContent content = WorkedExample.plan(PlanStatus.ACTIVE);
        Map<String, List<Logged>> patients =
                Map.of(
                        "p-painful", WorkedExample.sessions(),
                        "p-idle", List.of(),
                        "p-steady", WorkedExample.everyScheduledSession(content, AT));
        patients.forEach(
                (patient, sessions) -> {
                    UUID plan = UUID.randomUUID();
                    here.planIssued(plan, patient, content, AT.minus(20, ChronoUnit.DAYS));
                    completions(here, plan, patient, sessions).forEach(here::publish);
                });
        patients.forEach((patient, sessions) -> awaitSessions(clinic, patient, sessions.size()));
        // the worklist sorts the figures of the last evaluation pass
        evaluator.evaluateDue(AT);

        String token = DevTokens.bearer(Roles.CLINICIAN, clinic);
        given().header("Authorization", token)
                .get("/api/v1/worklist?size=2")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.patientRef", contains("p-painful", "p-idle"))
                .body("items.riskScore", contains(54, 40))
                .body("items[0].flags", contains("PAIN"))
                .body("items[1].flags", contains("LOW_ADHERENCE"))
                .body("items[1].adherenceLast7DaysPercent", equalTo(0.0f));
        given().header("Authorization", token)
                .get("/api/v1/worklist?size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.patientRef", contains("p-steady"))
                .body("items[0].adherencePercent", equalTo(100.0f))
                .body("items[0].riskScore", equalTo(0));
        given().header("Authorization", token)
                .get("/api/v1/worklist?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPausedPlanAsksForNothingFromTheWeekOfThePause() {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        events.planRevised(
                plan,
                patient,
                2,
                WorkedExample.plan(PlanStatus.PAUSED),
                Instant.parse("2026-11-17T09:00:00Z"));

        Response weeks =
                await().atMost(WAIT)
                        .until(
                                () ->
                                        given().header(
                                                        "Authorization",
                                                        DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                                .get(
                                                        "/api/v1/patients/"
                                                                + patient
                                                                + "/progress/weeks")
                                                .then()
                                                .extract()
                                                .response(),
                                r ->
                                        r.statusCode() == 200
                                                && r.<Integer>path("weeks[2].prescribedSessions")
                                                        == 0);
        assertThat(weeks.<Integer>path("weeks[1].prescribedSessions")).isEqualTo(8);
        assertThat(weeks.<Integer>path("weeks[7].prescribedSessions")).isZero();
    }

    private static List<ExerciseCompleted> completions(
            ProgressEvents events, UUID plan, String patient, List<Logged> sessions) {
        return sessions.stream()
                .map(s -> events.completion(plan, patient, s.exercise(), s.session(), s.at()))
                .toList();
    }

    private static Response awaitSessions(String clinic, String patient, int sessions) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, clinic))
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .then()
                                        .extract()
                                        .response(),
                        r ->
                                r.statusCode() == 200
                                        && r.<Integer>path("completedSessions") == sessions);
    }

    private void readEvents(InputStream body, BlockingQueue<JsonNode> received) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    received.add(mapper.readTree(line.substring(5).trim()));
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    private static JsonNode next(BlockingQueue<JsonNode> received) throws InterruptedException {
        JsonNode event = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("a server-sent event").isNotNull();
        return event;
    }
}
