package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PatientRows;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An admin erases a patient: assessment-service's part, the request and its confirmations. */
@ServiceQuarkusTest
class ErasureTest {

    private static final String CLINIC = "clinic-e";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;

    static String erasureOf(String patient) {
        return "{\"patientRef\":\"" + patient + "\"}";
    }

    @Test
    void anErasureDeletesThePatientHereAsksTheOthersAndCompletesWhenTheyConfirm() throws Exception {
        String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String first = assess(patient, "2026-11-02T09:00:00Z");
        assess(patient, "2026-11-16T09:00:00Z");
        assess(other, "2026-11-16T09:00:00Z");

        Response accepted =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                        .body(erasureOf(patient))
                        .post("/api/v1/erasures")
                        .then()
                        .statusCode(202)
                        .body("status", equalTo("IN_PROGRESS"))
                        .body("patientRef", equalTo(patient))
                        .body(
                                "services.service",
                                contains(
                                        "assessment-service",
                                        "exercise-service",
                                        "progress-service"))
                        .body("services[0].erasedAt", notNullValue())
                        .body("services[1].erasedAt", nullValue())
                        .extract()
                        .response();
        String erasureId = accepted.path("erasureId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/erasures/" + erasureId);

        // gone from the database and the API, the other patient untouched
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
            // the outbox keeps only the request itself, which the other services need
            assertThat(PatientRows.outboxTypes(c, patient))
                    .containsExactly(EventType.PATIENT_ERASED.type());
        }
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", other)))
                .isEqualTo(1);
        String clinician = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        given().header("Authorization", clinician)
                .get("/api/v1/assessments/" + first)
                .then()
                .statusCode(404);
        given().header("Authorization", clinician)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        KafkaRecords.find(
                        bootstrapServers, Topics.ERASURES, r -> r.value().contains(erasureId), WAIT)
                .orElseThrow(() -> new AssertionError("PatientErased not published"));

        // measurements about the patient from before the erasure, still in flight, stay out
        publishMeasurements(patient);
        publishMeasurements(other);
        await().atMost(WAIT)
                .until(
                        () ->
                                Tenancy.transaction(CLINIC)
                                                .call(() -> Assessment.count("patientRef", other))
                                        == 2);
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient)))
                .isZero();

        Instant now = Instant.now();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.EXERCISE_DATA_ERASED,
                UUID.randomUUID().toString(),
                EventSources.EXERCISE,
                new ExerciseDataErased(UUID.fromString(erasureId), CLINIC, patient, now));
        status(erasureId).then().body("status", equalTo("IN_PROGRESS"));
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PROGRESS_DATA_ERASED,
                UUID.randomUUID().toString(),
                EventSources.PROGRESS,
                new ProgressDataErased(UUID.fromString(erasureId), CLINIC, patient, now));
        await().atMost(WAIT).until(() -> "COMPLETED".equals(status(erasureId).path("status")));
        status(erasureId)
                .then()
                .body("completedAt", notNullValue())
                .body("services[1].erasedAt", notNullValue())
                .body("services[2].erasedAt", notNullValue());

        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, "clinic-elsewhere"))
                .get("/api/v1/erasures/" + erasureId)
                .then()
                .statusCode(404);
    }

    @Test
    void anErasureForgetsThePatientsIdempotencyKeys() throws Exception {
        String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("Idempotency-Key", "erase-" + patient)
                .body(AssessmentResourceTest.assessment(patient, "2026-11-16T09:00:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE))
                    .contains("idempotency_key");
        }

        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .body(erasureOf(patient))
                .post("/api/v1/erasures")
                .then()
                .statusCode(202);

        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }

    @Test
    void anErasedReferenceIsRetiredForNewAssessments() {
        String patient = "e-" + UUID.randomUUID().toString().substring(0, 8);
        assess(patient, "2026-11-02T09:00:00Z");
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .body(erasureOf(patient))
                .post("/api/v1/erasures")
                .then()
                .statusCode(202);

        // a new assessment today, after the erasure, may not bring the patient back either
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(AssessmentResourceTest.assessment(patient, Instant.now().toString()))
                .post("/api/v1/assessments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Patient reference retired"))
                .body("violations[0].field", equalTo("patientRef"));
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient)))
                .isZero();
    }

    @Test
    void aRequestWithoutAPatientIsRefused() {
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .body("{\"patientRef\":\"not a token\"}")
                .post("/api/v1/erasures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("patientRef"));
    }

    private Response status(String erasureId) {
        return given().header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .get("/api/v1/erasures/" + erasureId)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static String assess(String patient, String at) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(AssessmentResourceTest.assessment(patient, at))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void publishMeasurements(String patient) {
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.MEASUREMENTS_SUBMITTED,
                UUID.randomUUID().toString(),
                "/clinic-platform/acme",
                new MeasurementsSubmitted(
                        CLINIC,
                        patient,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        null,
                        List.of(
                                new FootMeasurements(
                                        Side.LEFT,
                                        null,
                                        4,
                                        new BigDecimal("6.0"),
                                        null,
                                        null,
                                        null))));
    }
}
