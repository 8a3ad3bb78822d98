package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.WAIT;
import static dev.footwork.exercise.api.PlanTestClient.awaitCurrentPlan;
import static dev.footwork.exercise.api.PlanTestClient.awaitEvent;
import static dev.footwork.exercise.api.PlanTestClient.completion;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.plan;
import static dev.footwork.exercise.api.PlanTestClient.publishClassified;
import static dev.footwork.exercise.api.PlanTestClient.queuedEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.support.outbox.OutboxEvent;
import dev.footwork.support.outbox.OutboxRelay;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@ServiceQuarkusTest
class PlanFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;
    @Inject OutboxRelay relay;

    @Test
    void aClassificationBecomesAStoredPlanAndAPlanIssuedEvent() throws Exception {
        String patient = newPatient();
        UUID assessmentId = UUID.randomUUID();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                assessmentId,
                patient,
                PostureLevel.PRONATED);

        String planId = awaitCurrentPlan(patient);
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + planId)
                .then()
                .statusCode(200)
                .body("assessmentId", equalTo(assessmentId.toString()))
                .body("feet[0].side", equalTo("LEFT"))
                .body("feet[0].exercises.exerciseId", hasItem("band-inversion"));

        ConsumerRecord<String, String> issued =
                awaitEvent(bootstrapServers, Topics.PLANS, patient, EventType.PLAN_ISSUED);
        JsonNode body = mapper.readTree(issued.value());
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED, body)).isEmpty();
        assertThat(body.get("planId").asText()).isEqualTo(planId);
        assertThat(KafkaRecords.header(issued, CloudEventAttributes.SOURCE))
                .isEqualTo("/footwork/exercise-service");
        assertThat(issued.key()).isEqualTo(CLINIC + ":" + patient);
    }

    @Test
    void aRedeliveredClassificationMakesOnePlan() {
        String patient = newPatient();
        String eventId = UUID.randomUUID().toString();
        UUID assessmentId = UUID.randomUUID();
        publishClassified(bootstrapServers, eventId, assessmentId, patient, PostureLevel.SUPINATED);
        publishClassified(bootstrapServers, eventId, assessmentId, patient, PostureLevel.SUPINATED);
        String marker = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                marker,
                PostureLevel.NEUTRAL);

        // test topics have one partition, so the marker is consumed after both copies
        awaitCurrentPlan(marker);
        awaitCurrentPlan(patient);
        long plans = Tenancy.transaction(CLINIC).call(() -> Plan.count("patientRef", patient));
        assertThat(plans).isEqualTo(1);
    }

    @Test
    void aNewClassificationSupersedesTheActivePlan() {
        String patient = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED);
        String first = awaitCurrentPlan(patient);
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.NEUTRAL);

        await().atMost(WAIT).until(() -> !awaitCurrentPlan(patient).equals(first));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUPERSEDED"))
                .body("revision", equalTo(2));
        awaitEvent(bootstrapServers, Topics.PLANS, patient, EventType.PLAN_REVISED);
    }

    @Test
    void aLateClassificationOfAnEarlierAssessmentLeavesTheLaterPlanCurrent() {
        String patient = newPatient();
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                later,
                patient,
                Instant.parse("2026-11-27T09:00:00Z"),
                earlier,
                PostureLevel.NEUTRAL);
        String current = awaitCurrentPlan(patient);
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                earlier,
                patient,
                Instant.parse("2026-11-20T09:00:00Z"),
                null,
                PostureLevel.PRONATED);

        awaitConsumedAfter(patient, current, later);
        assertThat(queuedEvents(patient, EventType.PLAN_ISSUED))
                .as("no plan issued for the earlier assessment")
                .isEqualTo(1);
        assertThat(queuedEvents(patient, EventType.PLAN_REVISED))
                .as("the later plan not superseded")
                .isZero();
    }

    @Test
    void aPlanFromBeforeAssessmentTimesWereKeptGivesWayToANewClassification() {
        String patient = newPatient();
        UUID first = UUID.randomUUID();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                first,
                patient,
                Instant.parse("2026-11-27T09:00:00Z"),
                null,
                PostureLevel.NEUTRAL);
        String legacy = awaitCurrentPlan(patient);
        // as the plans issued before the assessment time was stored: it is not known
        Tenancy.transaction(CLINIC)
                .run(
                        () ->
                                Plan.update(
                                        "assessedAt = null, previousAssessmentId = null where id"
                                                + " = ?1",
                                        UUID.fromString(legacy)));

        // the next assessment of the patient, whatever its time, makes the current plan
        UUID next = UUID.randomUUID();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                next,
                patient,
                Instant.parse("2026-11-26T09:00:00Z"),
                first,
                PostureLevel.PRONATED);
        await().atMost(WAIT).until(() -> !awaitCurrentPlan(patient).equals(legacy));
        assertThat(plan(awaitCurrentPlan(patient)).getString("assessmentId"))
                .isEqualTo(next.toString());
    }

    @Test
    void ofTwoAssessmentsAtOneInstantTheOneThatNamesTheOtherAsPreviousWins() {
        String patient = newPatient();
        Instant assessedAt = Instant.parse("2026-11-20T09:30:00Z");
        UUID original = UUID.randomUUID();
        UUID correction = UUID.randomUUID();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                correction,
                patient,
                assessedAt,
                original,
                PostureLevel.NEUTRAL);
        String current = awaitCurrentPlan(patient);
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                original,
                patient,
                assessedAt,
                null,
                PostureLevel.PRONATED);

        awaitConsumedAfter(patient, current, correction);
        assertThat(queuedEvents(patient, EventType.PLAN_ISSUED)).isEqualTo(1);
        assertThat(queuedEvents(patient, EventType.PLAN_REVISED)).isZero();
    }

    /**
     * Waits until a classification published after the ones of {@code patient} has been consumed
     * (test topics have one partition), then checks the patient's one plan is still {@code plan}.
     */
    private void awaitConsumedAfter(String patient, String plan, UUID assessmentId) {
        String marker = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                marker,
                PostureLevel.NEUTRAL);
        awaitCurrentPlan(marker);
        assertThat(awaitCurrentPlan(patient))
                .as("current plan of " + patient + ": the newer assessment's")
                .isEqualTo(plan);
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + plan)
                .then()
                .statusCode(200)
                .body("assessmentId", equalTo(assessmentId.toString()))
                .body("status", equalTo("ACTIVE"))
                .body("revision", equalTo(1));
        long plans = Tenancy.transaction(CLINIC).call(() -> Plan.count("patientRef", patient));
        assertThat(plans).as("plans of " + patient).isEqualTo(1);
    }

    @Test
    void aCompletionIsStoredAndPublished() throws Exception {
        String patient = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED);
        String planId = awaitCurrentPlan(patient);
        UUID completionId = UUID.randomUUID();
        String body =
                completion(
                        completionId,
                        "band-inversion",
                        "\"RED\"",
                        Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));

        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("id", equalTo(completionId.toString()))
                .body("planRevision", equalTo(1));
        // a retry of the same completion is answered with the stored one, not a second
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .statusCode(200)
                .body("id", equalTo(completionId.toString()));

        ConsumerRecord<String, String> event =
                awaitEvent(
                        bootstrapServers,
                        Topics.COMPLETIONS,
                        patient,
                        EventType.EXERCISE_COMPLETED);
        JsonNode json = mapper.readTree(event.value());
        assertThat(EventSchemas.violations(EventType.EXERCISE_COMPLETED, json)).isEmpty();
        assertThat(json.get("completionId").asText()).isEqualTo(completionId.toString());
        assertThat(json.get("pain").asInt()).isEqualTo(2);
        long stored =
                Tenancy.transaction(CLINIC).call(() -> Completion.count("patientRef", patient));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void rejectedCompletionsStoreAndPublishNothing() {
        String patient = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED);
        String planId = awaitCurrentPlan(patient);
        Instant now = Instant.now();

        Map<String, String> cases =
                Map.of(
                        completion(null, "band-eversion", "\"RED\"", now), "exerciseId",
                        completion(null, "band-inversion", "\"RED\"", now.plus(1, ChronoUnit.DAYS)),
                                "completedAt",
                        completion(
                                        null,
                                        "band-inversion",
                                        "\"RED\"",
                                        now.minus(30, ChronoUnit.DAYS)),
                                "completedAt",
                        completion(null, "band-inversion", null, now), "bandColour",
                        completion(null, "band-inversion", "\"RED\"", now)
                                        .replace("\"pain\":2", "\"pain\":11"),
                                "pain",
                        completion(null, "moonwalk", null, now), "exerciseId");
        cases.forEach(
                (body, field) ->
                        given().contentType(ContentType.JSON)
                                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                .body(body)
                                .post("/api/v1/plans/" + planId + "/completions")
                                .then()
                                .statusCode(400)
                                .contentType("application/problem+json")
                                .body("violations.field", hasItem(field)));
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, "clinic-b"))
                .body(completion(null, "band-inversion", "\"RED\"", now))
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        long stored =
                Tenancy.transaction(CLINIC).call(() -> Completion.count("patientRef", patient));
        long queued =
                Tenancy.transaction(CLINIC)
                        .call(
                                () ->
                                        OutboxEvent.count(
                                                "patientRef = ?1 and eventType = ?2",
                                                patient,
                                                EventType.EXERCISE_COMPLETED.type()));
        assertThat(stored).isZero();
        assertThat(queued).isZero();
    }

    @Test
    void aCrashBeforeTheMarkRepublishesWithTheSameIdAndConsumersSkipIt() {
        String patient = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.NEUTRAL);
        awaitCurrentPlan(patient);
        ConsumerRecord<String, String> first =
                awaitEvent(bootstrapServers, Topics.PLANS, patient, EventType.PLAN_ISSUED);
        String id = KafkaRecords.header(first, CloudEventAttributes.ID);

        // The state a crash between broker ack and mark leaves behind: published, not marked.
        Tenancy.transaction(CLINIC)
                .run(
                        () ->
                                OutboxEvent.update(
                                        "publishedAt = null where id = ?1", UUID.fromString(id)));
        relay.wake();

        await().atMost(WAIT)
                .until(
                        () ->
                                KafkaRecords.poll(
                                                        bootstrapServers,
                                                        Topics.PLANS,
                                                        10_000,
                                                        Duration.ofSeconds(2))
                                                .stream()
                                                .filter(
                                                        r ->
                                                                id.equals(
                                                                        KafkaRecords.header(
                                                                                r,
                                                                                CloudEventAttributes
                                                                                        .ID)))
                                                .count()
                                        == 2);
        Instant marked =
                Tenancy.transaction(CLINIC)
                        .call(
                                () ->
                                        OutboxEvent.<OutboxEvent>findById(UUID.fromString(id))
                                                .publishedAt);
        assertThat(marked).isNotNull();
    }

    @Test
    void poisonClassificationsAreDeadLetteredWithAReason() {
        String patient = newPatient();
        KafkaRecords.send(
                bootstrapServers,
                Topics.CLASSIFIED,
                CLINIC + ":" + patient,
                "{not json",
                CloudEventRecords.headers(
                        EventType.FOOT_CLASSIFIED,
                        UUID.randomUUID().toString(),
                        "/footwork/assessment-service",
                        CLINIC,
                        patient));
        ConsumerRecord<String, String> dead =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.EXERCISE_DEAD_LETTER,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("nothing dead-lettered"));
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("invalid-json");
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON)).isNotBlank();
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_TOPIC))
                .isEqualTo(Topics.CLASSIFIED);

        // the consumer keeps going
        String next = newPatient();
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                next,
                PostureLevel.NEUTRAL);
        awaitCurrentPlan(next);
    }
}
