package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.WAIT;
import static dev.footwork.exercise.api.PlanTestClient.completion;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.newPlan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that once answered 500 (issue 14): a page of completions whose offset overflowed an int, a
 * completion time outside what PostgreSQL stores, and a completion id another clinic had used.
 */
@ServiceQuarkusTest
class InputBoundsTest {

    private static final String OTHER_CLINIC = "clinic-b";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPageOfCompletionsWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        String planId = newPlan(bootstrapServers, newPatient(), PostureLevel.NEUTRAL);
        completionsPage(planId, 10737419, 200)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        completionsPage(planId, PageBounds.MAX_PAGE + 1, 1)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        // the last page allowed, at the largest size, is an empty page, not an overflow
        completionsPage(planId, PageBounds.MAX_PAGE, 200).statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"-5000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void aCompletionTimeOutsideTheStatedYearsIsRefusedNamingIt(String completedAt) {
        String patient = newPatient();
        String planId = newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        String body =
                completion(null, "band-inversion", "\"RED\"", Instant.now())
                        .replaceAll(
                                "\"completedAt\":\"[^\"]*\"",
                                "\"completedAt\":\"" + completedAt + "\"");

        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("completedAt"));
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body("{\"completions\":[" + body + "]}")
                .post("/api/v1/plans/" + planId + "/completions/batch")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].problem.violations.field", hasItem("completions[0].completedAt"));
        assertThat(PlanTestClient.storedCompletions(patient)).isZero();
    }

    @Test
    void aCompletionIdAnotherClinicUsedIsANewCompletionOfThisClinic() {
        String patientA = newPatient();
        String planA = newPlan(bootstrapServers, patientA, PostureLevel.PRONATED);
        String patientB = newPatient();
        String planB = planInOtherClinic(patientB);
        UUID completionId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String inA = completion(completionId, "band-inversion", "LEFT", "\"RED\"", 2, now);
        String inB = completion(completionId, "band-inversion", "LEFT", "\"GREEN\"", 5, now);

        log(CLINIC, planA, inA).statusCode(201).body("id", equalTo(completionId.toString()));
        log(OTHER_CLINIC, planB, inB)
                .statusCode(201)
                .body("id", equalTo(completionId.toString()))
                .body("planId", equalTo(planB))
                .body("pain", equalTo(5));
        // a replay in either clinic is still answered with that clinic's own completion
        log(CLINIC, planA, inA)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("pain", equalTo(2));
        log(OTHER_CLINIC, planB, inB)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("pain", equalTo(5));

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + planA + "/completions")
                .then()
                .statusCode(200)
                .body("id", contains(completionId.toString()))
                .body("bandColour", contains("RED"));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, OTHER_CLINIC))
                .get("/api/v1/plans/" + planB + "/completions")
                .then()
                .statusCode(200)
                .body("id", contains(completionId.toString()))
                .body("bandColour", contains("GREEN"));
        assertThat(Tenancy.transaction(CLINIC).call(() -> Completion.count("id", completionId)))
                .isEqualTo(1);
        assertThat(
                        Tenancy.transaction(OTHER_CLINIC)
                                .call(() -> Completion.count("id", completionId)))
                .isEqualTo(1);
        assertThat(PlanTestClient.queuedEvents(patientA, EventType.EXERCISE_COMPLETED))
                .isEqualTo(1);
    }

    /** A pronated left foot's plan in the other clinic, issued as assessment-service would. */
    private String planInOtherClinic(String patient) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.FOOT_CLASSIFIED,
                UUID.randomUUID().toString(),
                "/footwork/assessment-service",
                new FootClassified(
                        UUID.randomUUID(),
                        OTHER_CLINIC,
                        patient,
                        Instant.now().minusSeconds(60),
                        "fpi6-2026.1",
                        null,
                        false,
                        List.of(
                                new FootClassified.FootResult(
                                        Side.LEFT,
                                        PostureLevel.PRONATED,
                                        PostureLevel.PRONATED.posture(),
                                        PostureLevel.PRONATED.severity(),
                                        PostureLevel.PRONATED.alignment(),
                                        0.9,
                                        7,
                                        List.of("fpi6")))));
        return await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, OTHER_CLINIC))
                                        .get("/api/v1/patients/" + patient + "/plans/active")
                                        .then()
                                        .extract()
                                        .response(),
                        r -> r.statusCode() == 200)
                .path("id");
    }

    private static ValidatableResponse log(String clinic, String planId, String body) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, clinic))
                .body(body)
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .log()
                .ifValidationFails();
    }

    private static ValidatableResponse completionsPage(String planId, int page, int size) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", page)
                .queryParam("size", size)
                .get("/api/v1/plans/" + planId + "/completions")
                .then()
                .log()
                .ifValidationFails();
    }
}
