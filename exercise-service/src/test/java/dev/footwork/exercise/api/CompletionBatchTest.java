package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.completion;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.newPlan;
import static dev.footwork.exercise.api.PlanTestClient.queuedEvents;
import static dev.footwork.exercise.api.PlanTestClient.storedCompletions;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.LockWaits;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Completions from offline apps (batches) and retried requests (Idempotency-Key). */
@ServiceQuarkusTest
class CompletionBatchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;

    @Test
    void aBatchAcceptsValidItemsAndReportsEachInvalidOneWithItsReason() {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID first = UUID.randomUUID();
        String valid = completion(first, "band-inversion", "\"RED\"", now);
        String batch =
                "{\"completions\":["
                        + String.join(
                                ",",
                                valid,
                                completion(null, "towel-grab", "LEFT", null, 11, now),
                                completion(null, "band-eversion", "\"RED\"", now),
                                "{\"exerciseId\":\"towel-grab\",\"side\":\"LEFT\",\"sets\":\"three\"}",
                                completion(null, "towel-grab", null, now),
                                valid)
                        + "]}";

        batch(planId, batch, null)
                .statusCode(200)
                .body("created", equalTo(2))
                .body("replayed", equalTo(1))
                .body("rejected", equalTo(3))
                .body(
                        "results.outcome",
                        contains(
                                "CREATED",
                                "REJECTED",
                                "REJECTED",
                                "REJECTED",
                                "CREATED",
                                "REPLAYED"))
                .body("results[0].completion.id", equalTo(first.toString()))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.violations.field", hasItem("completions[1].pain"))
                .body("results[2].problem.violations.field", hasItem("completions[2].exerciseId"))
                .body("results[3].problem.violations.field", hasItem("completions[3].sets"))
                .body("results[5].completion.id", equalTo(first.toString()));

        assertThat(storedCompletions(patient)).isEqualTo(2);
        assertThat(queuedEvents(patient, EventType.EXERCISE_COMPLETED)).isEqualTo(2);
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyStoresNothingTwice() {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL);
        Instant now = Instant.now();
        String batch =
                "{\"completions\":["
                        + completion(null, "towel-grab", null, now)
                        + ","
                        + completion(null, "heel-raise", null, now)
                        + "]}";

        batch(planId, batch, "sync-42").statusCode(200).body("created", equalTo(2));
        batch(planId, batch, "sync-42")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("replayed", equalTo(2));

        assertThat(storedCompletions(patient)).isEqualTo(2);
        assertThat(queuedEvents(patient, EventType.EXERCISE_COMPLETED)).isEqualTo(2);
    }

    @Test
    void theLongestIdempotencyKeyTheHeaderTakesKeysEveryItemOfABatch() {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL);
        Instant now = Instant.now();
        String batch =
                "{\"completions\":["
                        + completion(null, "towel-grab", null, now)
                        + ","
                        + completion(null, "heel-raise", null, now)
                        + "]}";
        // 200 characters, the most Idempotency-Key accepts; each item is keyed "<key>#<index>"
        String key = "k".repeat(200);

        batch(planId, batch, key).statusCode(200).body("created", equalTo(2));
        batch(planId, batch, key)
                .statusCode(200)
                .body("created", equalTo(0))
                .body("replayed", equalTo(2));
        assertThat(storedCompletions(patient)).isEqualTo(2);
    }

    @Test
    void aBatchThatIsNotABatchIsRefusedWhole() {
        String planId = newPlan(bootstrapServers, newPatient(), PostureLevel.NEUTRAL);

        batch(planId, "{\"completions\":[]}", null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("completions"));
        batch(planId, "{\"completions\":[", null).statusCode(400);
        StringBuilder tooMany = new StringBuilder("{\"completions\":[");
        for (int i = 0; i <= CompletionBatch.MAX_ITEMS; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }
        batch(planId, tooMany.append("]}").toString(), null).statusCode(400);
        batch(UUID.randomUUID().toString(), "{\"completions\":[{}]}", null).statusCode(404);
    }

    @Test
    void theSameIdempotencyKeyReplaysOneCompletionAndRefusesADifferentOne() {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        Instant now = Instant.now();
        String body = completion(null, "heel-raise", null, now);

        String id = single(planId, body, "tap-1").statusCode(201).extract().path("id");
        single(planId, body, "tap-1")
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        single(planId, completion(null, "heel-raise", "LEFT", null, 7, now), "tap-1")
                .statusCode(422)
                .contentType("application/problem+json");
        single(planId, body, "bad key with spaces").statusCode(400);

        assertThat(storedCompletions(patient)).isEqualTo(1);
        assertThat(queuedEvents(patient, EventType.EXERCISE_COMPLETED)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyStoreOneCompletion() throws Exception {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL);
        String body = completion(null, "towel-grab", null, Instant.now());
        String key = "race-" + UUID.randomUUID();
        int requests = 4;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Response>> answers = new ArrayList<>();
        try (Connection gate = dataSource.getConnection()) {
            // every request is held up until all of them are there: at the key lookup, or behind
            // the
            // one that holds the patient's lock and is at the key lookup; then they race
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("lock table idempotency_key in access exclusive mode");
            }
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> single(planId, body, key).extract().response()));
            }
            await().atMost(PlanTestClient.WAIT)
                    .until(
                            () ->
                                    LockWaits.waitingOn(gate, "idempotency_key") >= 1
                                            && LockWaits.sessionsWaiting(gate) >= requests);
            gate.commit();

            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(PlanTestClient.WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            assertThat(responses)
                    .extracting(Response::statusCode)
                    .containsOnly(200, 201)
                    .containsOnlyOnce(201);
            assertThat(responses.stream().map(r -> r.<String>path("id")).distinct())
                    .as("every answer names the one stored completion")
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedCompletions(patient)).isEqualTo(1);
        assertThat(queuedEvents(patient, EventType.EXERCISE_COMPLETED)).isEqualTo(1);
    }

    private static ValidatableResponse batch(String planId, String body, String key) {
        var request =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(body)
                .post("/api/v1/plans/" + planId + "/completions/batch")
                .then()
                .log()
                .ifValidationFails();
    }

    private static ValidatableResponse single(String planId, String body, String key) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .log()
                .ifValidationFails();
    }
}
