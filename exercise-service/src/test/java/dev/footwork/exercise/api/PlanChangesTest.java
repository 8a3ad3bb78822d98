package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.WAIT;
import static dev.footwork.exercise.api.PlanTestClient.awaitCurrentPlan;
import static dev.footwork.exercise.api.PlanTestClient.awaitEvent;
import static dev.footwork.exercise.api.PlanTestClient.completion;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.newPlan;
import static dev.footwork.exercise.api.PlanTestClient.plan;
import static dev.footwork.exercise.api.PlanTestClient.publishClassified;
import static dev.footwork.exercise.api.PlanTestClient.queuedEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Plans over REST: rendering per side, history, clinician adjustments, pause and resume. */
@ServiceQuarkusTest
class PlanChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;

    @Test
    void aPlanIsRenderedForEachFootWithTheBandDirectionOfThatFoot() {
        String planId =
                newPlan(
                        bootstrapServers,
                        newPatient(),
                        PostureLevel.PRONATED,
                        PostureLevel.PRONATED);

        JsonPath plan = plan(planId);
        assertThat(plan.getString("feet[0].side")).isEqualTo("LEFT");
        assertThat(firstStep(plan, 0, "band-inversion"))
                .contains("left foot")
                .contains("to your left (outwards)");
        assertThat(firstStep(plan, 1, "band-inversion"))
                .contains("right foot")
                .contains("to your right (outwards)");
        assertThat(plan.getList("feet[0].sessionDays"))
                .containsExactly("MONDAY", "WEDNESDAY", "FRIDAY");
        assertThat(plan.getList("phases.aim")).hasSize(3).doesNotContainNull();
        assertThat(plan.getString("phases[1].startsOn"))
                .isEqualTo(LocalDate.parse(plan.getString("startsOn")).plusWeeks(2).toString());
        assertThat(
                        plan.getList(
                                "feet[0].exercises.find { it.exerciseId == 'band-inversion' }.upcoming.phase"))
                .containsExactly(2, 3);
        assertThat(plan.getString("feet[0].exercises.find { it.exerciseId == 'heel-raise' }.tempo"))
                .isNotBlank();
    }

    @Test
    void theHistoryListsEveryPlanNewestFirstAndLinksTheSupersededOne() {
        String patient = newPatient();
        String first = newPlan(bootstrapServers, patient, PostureLevel.SUPINATED);
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.NEUTRAL);
        await().atMost(WAIT).until(() -> !awaitCurrentPlan(patient).equals(first));
        String second = awaitCurrentPlan(patient);

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/plans")
                .then()
                .statusCode(200)
                .body("id", contains(second, first))
                .body("status", contains("ACTIVE", "SUPERSEDED"))
                .body("[0].supersedesPlanId", equalTo(first));
        assertThat(plan(first).getString("supersededByPlanId")).isEqualTo(second);
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + first + "/revisions")
                .then()
                .statusCode(200)
                .body("reason", contains("ISSUED", "SUPERSEDED"))
                .body("[1].plan.status", equalTo("SUPERSEDED"));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, "clinic-b"))
                .get("/api/v1/patients/" + patient + "/plans")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aClinicianAdjustmentMakesARevisionAndAPlanRevisedEvent() throws Exception {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.PRONATED);

        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("If-Match", "\"1\"")
                .body(
                        """
                        {"changes":[
                          {"action":"CHANGE_DOSAGE","side":"LEFT","exerciseId":"band-inversion","reps":15,"bandColour":"GREEN"},
                          {"action":"REMOVE","side":"LEFT","exerciseId":"band-dorsiflexion"}]}
                        """)
                .post("/api/v1/plans/" + planId + "/adjustments")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("feet[0].exercises.exerciseId", not(hasItem("band-dorsiflexion")))
                .body(
                        "feet[0].exercises.find { it.exerciseId == 'band-inversion' }.bandColour",
                        equalTo("GREEN"));

        ConsumerRecord<String, String> revised =
                awaitEvent(bootstrapServers, Topics.PLANS, patient, EventType.PLAN_REVISED);
        JsonNode json = mapper.readTree(revised.value());
        assertThat(EventSchemas.violations(EventType.PLAN_REVISED, json)).isEmpty();
        assertThat(json.get("reason").asText()).isEqualTo("CLINICIAN_ADJUSTMENT");
        assertThat(json.get("revision").asInt()).isEqualTo(2);
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + planId + "/revisions")
                .then()
                .body("reason", contains("ISSUED", "CLINICIAN_ADJUSTMENT"));
    }

    @Test
    void aStaleOrUnfittingAdjustmentChangesNothing() {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.SUPINATED);
        String body =
                """
                {"changes":[{"action":"REMOVE","side":"LEFT","exerciseId":"towel-grab"}]}
                """;
        adjust(planId, body, "\"1\"").statusCode(200);

        adjust(planId, body, "\"1\"").statusCode(412).contentType("application/problem+json");
        adjust(planId, body, null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("changes[0].exerciseId"));
        adjust(
                        planId,
                        """
                        {"changes":[{"action":"ADD","side":"LEFT","exerciseId":"towel-grab"}]}
                        """,
                        null)
                .statusCode(400)
                .body("violations.field", hasItem("changes[0].role"));
        adjust(
                        planId,
                        """
                        {"changes":[{"action":"CHANGE_DOSAGE","side":"LEFT","exerciseId":"heel-raise","sets":11}]}
                        """,
                        null)
                .statusCode(400)
                .body("violations.field", hasItem("changes[0].sets"));
        adjust(planId, "{\"changes\":[]}", null).statusCode(400);
        adjust(planId, body, "\"abc\"").statusCode(400);
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, "clinic-b"))
                .body(body)
                .post("/api/v1/plans/" + planId + "/adjustments")
                .then()
                .statusCode(404);

        assertThat(plan(planId).getInt("revision")).isEqualTo(2);
        assertThat(queuedEvents(patient, EventType.PLAN_REVISED)).isEqualTo(1);
    }

    @Test
    void aPausedPlanRefusesNewSessionsButKeepsOnesDoneBeforeThePause() throws Exception {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        Instant beforePause = Instant.parse(plan(planId).getString("issuedAt")).plusMillis(1);
        await().until(() -> Instant.now().isAfter(beforePause.plusMillis(20)));

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .post("/api/v1/plans/" + planId + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("revision", equalTo(2));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .post("/api/v1/plans/" + planId + "/pause")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/plans/active")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"));

        logCompletion(planId, completion(null, "towel-grab", null, Instant.now()))
                .statusCode(409)
                .body("detail", containsString("paused"));
        logCompletion(planId, completion(null, "towel-grab", null, beforePause))
                .statusCode(201)
                .body("planRevision", equalTo(1));

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .post("/api/v1/plans/" + planId + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("revision", equalTo(3));
        logCompletion(planId, completion(null, "towel-grab", null, Instant.now().plusMillis(5)))
                .statusCode(201)
                .body("planRevision", equalTo(3));
        ConsumerRecord<String, String> resumed =
                awaitEvent(
                        bootstrapServers,
                        Topics.PLANS,
                        patient,
                        EventType.PLAN_REVISED,
                        r -> r.value().contains("\"RESUMED\""));
        assertThat(mapper.readTree(resumed.value()).at("/plan/status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aLateCompletionCountsAgainstTheRevisionInForceWhenItWasDone() {
        String planId = newPlan(bootstrapServers, newPatient(), PostureLevel.PRONATED);
        Instant early = Instant.parse(plan(planId).getString("issuedAt")).plusMillis(1);
        await().until(() -> Instant.now().isAfter(early.plusMillis(20)));
        adjust(
                        planId,
                        """
                        {"changes":[{"action":"REMOVE","side":"LEFT","exerciseId":"band-dorsiflexion"}]}
                        """,
                        null)
                .statusCode(200);

        logCompletion(planId, completion(null, "band-dorsiflexion", "\"RED\"", early))
                .statusCode(201)
                .body("planRevision", equalTo(1));
        logCompletion(planId, completion(null, "band-dorsiflexion", "\"RED\"", Instant.now()))
                .statusCode(400)
                .body("violations.field", hasItem("exerciseId"));
        logCompletion(planId, completion(null, "band-inversion", "\"RED\"", Instant.now()))
                .statusCode(201)
                .body("planRevision", equalTo(2));
    }

    @Test
    void aSupersededPlanCannotBeChanged() {
        String patient = newPatient();
        String first = newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL);
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED);
        await().atMost(WAIT).until(() -> !awaitCurrentPlan(patient).equals(first));

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .post("/api/v1/plans/" + first + "/pause")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        logCompletion(first, completion(null, "towel-grab", null, Instant.now()))
                .statusCode(409)
                .body("detail", containsString("newer plan"));
    }

    private static String firstStep(JsonPath plan, int foot, String exercise) {
        List<String> steps =
                plan.getList(
                        "feet["
                                + foot
                                + "].exercises.find { it.exerciseId == '"
                                + exercise
                                + "' }.instructions");
        return steps.get(0);
    }

    private static ValidatableResponse adjust(String planId, String body, String ifMatch) {
        var request =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(body).post("/api/v1/plans/" + planId + "/adjustments").then();
    }

    private static ValidatableResponse logCompletion(String planId, String body) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .log()
                .ifValidationFails();
    }
}
