package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Who read or changed which patient's data: recorded per request, queried by the clinic's admin.
 */
@ServiceQuarkusTest
class AuditTrailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void readsChangesAndRefusalsAreRecordedForTheClinicsAdmin() {
        Instant before = Instant.now().minusSeconds(1);
        String patient = PlanTestClient.newPatient();
        String plan =
                PlanTestClient.newPlan(
                        bootstrapServers, patient, PostureLevel.PRONATED, PostureLevel.NEUTRAL);
        String doctor =
                DevTokens.shared()
                        .token(Roles.CLINICIAN, CLINIC)
                        .subject("dr-lee")
                        .client("clinic-portal")
                        .bearer();

        given().header("Authorization", doctor)
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
                .get("/api/v1/patients/" + patient + "/plans/active")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("Authorization", doctor)
                .body(PlanTestClient.completion(null, "towel-grab", null, Instant.now()))
                .post("/api/v1/plans/" + plan + "/completions")
                .then()
                .statusCode(201);
        given().header("Authorization", doctor)
                .post("/api/v1/plans/" + plan + "/pause")
                .then()
                .statusCode(200);
        String someoneElse =
                DevTokens.shared()
                        .token(Roles.PATIENT, CLINIC)
                        .patient("p-other")
                        .subject("p-other-login")
                        .bearer();
        given().header("Authorization", someoneElse)
                .get("/api/v1/plans/" + plan)
                .then()
                .statusCode(404);

        String admin = DevTokens.bearer(Roles.ADMIN, CLINIC);
        JsonPath trail =
                given().header("Authorization", admin)
                        .queryParam("patientRef", patient)
                        .queryParam("from", before.toString())
                        .get("/api/v1/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> items = trail.getList("items");
        // newest first: the refused read, the pause, the completion, the plan read
        assertThat(items).extracting(i -> i.get("status")).containsSubsequence(404, 200, 201, 200);
        Map<String, Object> read = find(items, "/api/v1/patients/{patientRef}/plans/active");
        assertThat(read)
                .containsEntry("action", "READ")
                .containsEntry("actor", "dr-lee")
                .containsEntry("roles", "clinician")
                .containsEntry("client", "clinic-portal")
                // no proxy is trusted by default: the peer, not the hop the client wrote
                .containsEntry("remoteAddress", "127.0.0.1")
                .containsEntry("patientRef", patient);
        assertThat(find(items, "/api/v1/plans/{planId}/completions"))
                .containsEntry("action", "CHANGE")
                .containsEntry("method", "POST")
                .containsEntry("status", 201);
        assertThat(find(items, "/api/v1/plans/{planId}/pause"))
                .containsEntry("action", "CHANGE")
                .containsEntry("patientRef", patient)
                .containsEntry("status", 200);
        assertThat(find(items, "/api/v1/plans/{planId}"))
                .containsEntry("actor", "p-other-login")
                .containsEntry("roles", "patient")
                .containsEntry("status", 404);

        given().header("Authorization", admin)
                .queryParam("patientRef", patient)
                .queryParam("from", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, "clinic-elsewhere"))
                .queryParam("patientRef", patient)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", doctor).get("/api/v1/audit").then().statusCode(403);
        given().header("Authorization", admin)
                .queryParam("from", "yesterday")
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }

    private static Map<String, Object> find(List<Map<String, Object>> items, String operation) {
        return items.stream()
                .filter(i -> operation.equals(i.get("operation")))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no audit entry for " + operation + " in " + items));
    }
}
