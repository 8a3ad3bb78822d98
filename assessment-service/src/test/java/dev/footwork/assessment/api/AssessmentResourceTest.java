package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.support.outbox.OutboxEvent;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ServiceQuarkusTest
class AssessmentResourceTest {

    private static final String CLINIC = "clinic-a";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;

    @Test
    void anAssessmentIsClassifiedStoredAndPublished() throws Exception {
        String patient = newPatient();
        String id =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                        .body(
                                """
                                {"patientRef":"%s","assessedAt":"2026-11-20T09:30:00Z","assessor":"clin-7",
                                 "feet":[{"side":"RIGHT","fpiItems":[1,1,0,1,1,0]},{"side":"LEFT","fpiTotal":8}]}\
                                """
                                        .formatted(patient))
                        .when()
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .header("Location", startsWith("http"))
                        .body("patientRef", equalTo(patient))
                        .body("ruleSetVersion", equalTo("posture-2026.1"))
                        .body("feet[0].side", equalTo("LEFT"))
                        .body("feet[0].level", equalTo("PRONATED"))
                        .body("feet[0].alignment", equalTo("VALGUS"))
                        .body("feet[1].side", equalTo("RIGHT"))
                        .body("feet[1].fpiTotal", equalTo(4))
                        .body("feet[1].level", equalTo("NEUTRAL"))
                        .body("feet[1].explanation[0]", notNullValue())
                        .body("asymmetry", equalTo(false))
                        .extract()
                        .path("id");

        Assessment stored =
                Tenancy.transaction(CLINIC).call(() -> Assessment.findById(UUID.fromString(id)));
        assertThat(stored.clinicId).isEqualTo(CLINIC);
        assertThat(stored.feet).hasSize(2);

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/assessments/" + id)
                .then()
                .statusCode(200)
                .body("feet[0].level", equalTo("PRONATED"));

        ConsumerRecord<String, String> event =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.CLASSIFIED,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                Duration.ofSeconds(20))
                        .orElseThrow(
                                () -> new AssertionError("no FootClassified event for " + patient));
        UUID outboxId =
                Tenancy.transaction(CLINIC)
                        .call(
                                () ->
                                        OutboxEvent.<OutboxEvent>find("patientRef", patient)
                                                .singleResult()
                                                .id);
        assertThat(KafkaRecords.header(event, CloudEventAttributes.ID))
                .isEqualTo(outboxId.toString());
        assertThat(KafkaRecords.header(event, CloudEventAttributes.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaRecords.header(event, CloudEventAttributes.TYPE))
                .isEqualTo(EventType.FOOT_CLASSIFIED.type());
        assertThat(KafkaRecords.header(event, CloudEventAttributes.SOURCE))
                .isEqualTo("/footwork/assessment-service");
        assertThat(KafkaRecords.header(event, CloudEventAttributes.SUBJECT)).isEqualTo(patient);
        assertThat(KafkaRecords.header(event, CloudEventAttributes.CLINIC_ID)).isEqualTo(CLINIC);
        assertThat(KafkaRecords.header(event, CloudEventAttributes.TIME))
                .isEqualTo("2026-11-20T09:30:00Z");
        JsonNode body = mapper.readTree(event.value());
        assertThat(EventSchemas.violations(EventType.FOOT_CLASSIFIED, body)).isEmpty();
        assertThat(body.get("assessmentId").asText()).isEqualTo(id);
        assertThat(body.toString()).doesNotContain("clin-7");
    }

    @Test
    void aNewAssessmentSupersedesThePrevious() {
        String patient = newPatient();
        String first = create(patient, "2026-11-01T10:00:00Z");
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(assessment(patient, "2026-11-15T10:00:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .body("previousAssessmentId", equalTo(first));
    }

    @Test
    void anotherClinicCannotReadTheAssessment() {
        String id = create(newPatient(), "2026-11-01T10:00:00Z");
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, "clinic-b"))
                .get("/api/v1/assessments/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAssessment() {
        String patient = newPatient();
        String key = "retry-" + UUID.randomUUID();
        String body = assessment(patient, "2026-11-20T09:30:00Z");
        String first =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .header("Idempotent-Replayed", "false")
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("Idempotency-Key", key)
                .body(assessment(patient, "2026-11-21T09:30:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        long stored =
                Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient));
        long events =
                Tenancy.transaction(CLINIC).call(() -> OutboxEvent.count("patientRef", patient));
        assertThat(stored).isEqualTo(1);
        assertThat(events).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithTheSameIdempotencyKeyStoreOneAssessment() throws Exception {
        String patient = newPatient();
        String key = "race-" + UUID.randomUUID();
        String body = assessment(patient, "2026-11-20T09:30:00Z");
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return given().contentType(ContentType.JSON)
                                            .header(
                                                    "Authorization",
                                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                            .header("Idempotency-Key", key)
                                            .body(body)
                                            .post("/api/v1/assessments");
                                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int firsts = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                ids.add(response.path("id"));
                if ("false".equals(response.header("Idempotent-Replayed"))) {
                    firsts++;
                }
            }
            assertThat(ids).hasSize(1);
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient)))
                .isEqualTo(1);
        assertThat(Tenancy.transaction(CLINIC).call(() -> OutboxEvent.count("patientRef", patient)))
                .isEqualTo(1);
    }

    @Test
    void secondaryMeasuresClassifyWithoutFpiAndNotesStayOutOfEvents() throws Exception {
        String patient = newPatient();
        String id =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                        .body(
                                """
                                {"patientRef":"%s","assessedAt":"2026-11-20T09:30:00Z",
                                 "runningContext":{"weeklyDistanceKm":42.5,"shoeType":"STABILITY"},
                                 "notes":"Sore medial arch after long runs",
                                 "feet":[{"side":"LEFT","navicularDropMm":12.5,"calcanealStanceDegrees":9.5,
                                          "peakRearfootEversionDegrees":14,"archHeightIndex":0.31}]}"""
                                        .formatted(patient))
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .body("feet[0].level", equalTo("PRONATED"))
                        .body("feet[0].decidedBy", hasItem("navicular-drop"))
                        .body("feet[0].evidence.measure", hasItem("arch-height-index"))
                        .body("feet[0].archHeightIndex", equalTo(0.31f))
                        .body("notes", equalTo("Sore medial arch after long runs"))
                        .body("runningContext.shoeType", equalTo("STABILITY"))
                        .extract()
                        .path("id");

        ConsumerRecord<String, String> event =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.CLASSIFIED,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("no FootClassified event"));
        JsonNode body = mapper.readTree(event.value());
        assertThat(EventSchemas.violations(EventType.FOOT_CLASSIFIED, body)).isEmpty();
        assertThat(body.get("assessmentId").asText()).isEqualTo(id);
        assertThat(event.value()).doesNotContain("medial arch").doesNotContain("STABILITY");
    }

    @Test
    void aPatientsAssessmentsAreListedNewestFirstInPages() {
        String patient = newPatient();
        String oldest = create(patient, "2026-10-01T10:00:00Z");
        String middle = create(patient, "2026-10-15T10:00:00Z");
        String newest = create(patient, "2026-11-01T10:00:00Z");

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("size", 2)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(200)
                .body("items.id", contains(newest, middle))
                .body("items[0].previousAssessmentId", equalTo(middle))
                .body("items[1].supersededBy", equalTo(newest))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(200)
                .body("items.id", contains(oldest));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("size", 500)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
    }

    @Test
    void theActiveRuleSetIsPublished() {
        given().header("Authorization", DevTokens.bearer(Roles.PATIENT, CLINIC))
                .get("/api/v1/rule-sets/active")
                .then()
                .statusCode(200)
                .body("version", notNullValue())
                .body("sources.size()", greaterThan(0));
    }

    @Test
    void anOversizedBodyIsRefused() {
        String patient = newPatient();
        String notes = "x".repeat(70_000);
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(
                        """
                        {"patientRef":"%s","assessedAt":"2026-11-20T09:30:00Z","notes":"%s",
                         "feet":[{"side":"LEFT","fpiTotal":1}]}"""
                                .formatted(patient, notes))
                .post("/api/v1/assessments")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertNothingStoredOrQueued(patient);
    }

    static Stream<Arguments> badMeasurements() {
        return Stream.of(
                bad(
                        "FPI item out of range",
                        "",
                        "{\"side\":\"LEFT\",\"fpiItems\":[5,0,0,0,0,0]}",
                        "feet[0].fpiItems[0]"),
                bad(
                        "FPI total out of range",
                        "",
                        "{\"side\":\"LEFT\",\"fpiTotal\":13}",
                        "feet[0].fpiTotal"),
                bad(
                        "five FPI items",
                        "",
                        "{\"side\":\"LEFT\",\"fpiItems\":[1,1,1,1,1]}",
                        "feet[0].fpiItems"),
                bad("foot without a measure", "", "{\"side\":\"LEFT\"}", "feet[0].measured"),
                bad(
                        "arch height index alone",
                        "",
                        "{\"side\":\"LEFT\",\"archHeightIndex\":0.3}",
                        "feet[0].measured"),
                bad(
                        "navicular drop out of range",
                        "",
                        "{\"side\":\"LEFT\",\"navicularDropMm\":55}",
                        "feet[0].navicularDropMm"),
                bad(
                        "calcaneal stance out of range",
                        "",
                        "{\"side\":\"LEFT\",\"calcanealStanceDegrees\":-31}",
                        "feet[0].calcanealStanceDegrees"),
                bad(
                        "running eversion out of range",
                        "",
                        "{\"side\":\"LEFT\",\"peakRearfootEversionDegrees\":46}",
                        "feet[0].peakRearfootEversionDegrees"),
                bad(
                        "arch height index of zero",
                        "",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1,\"archHeightIndex\":0}",
                        "feet[0].archHeightIndex"),
                bad(
                        "items and total disagree",
                        "",
                        "{\"side\":\"LEFT\",\"fpiItems\":[1,1,1,1,1,1],\"fpiTotal\":2}",
                        "feet[0].consistent"),
                bad("unknown side", "", "{\"side\":\"MIDDLE\",\"fpiTotal\":1}", "feet[0].side"),
                bad(
                        "duplicate side",
                        "",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1},{\"side\":\"LEFT\",\"fpiTotal\":2}",
                        "feet[1].side"),
                bad(
                        "text for a number",
                        "",
                        "{\"side\":\"LEFT\",\"fpiTotal\":\"high\"}",
                        "feet[0].fpiTotal"),
                bad("no foot", "", "", "feet"),
                bad(
                        "future date",
                        ",\"assessedAt\":\"2099-01-01T00:00:00Z\"",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1}",
                        "assessedAt"),
                bad(
                        "patient ref with a name",
                        ",\"patientRef\":\"Jane Doe\"",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1}",
                        "patientRef"),
                bad(
                        "unknown shoe type",
                        ",\"runningContext\":{\"shoeType\":\"CLOGS\"}",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1}",
                        "runningContext.shoeType"),
                bad(
                        "notes too long",
                        ",\"notes\":\"" + "n".repeat(2001) + "\"",
                        "{\"side\":\"LEFT\",\"fpiTotal\":1}",
                        "notes"));
    }

    /**
     * A request for patient {@code @P}: the later of duplicate JSON keys wins, so {@code extra}
     * overrides.
     */
    private static Arguments bad(String name, String extra, String feet, String field) {
        String body =
                "{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":["
                        + feet
                        + "]"
                        + extra
                        + "}";
        return Arguments.of(name, body, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeasurements")
    void badMeasurementsAreRefusedNamingTheFieldAndLeaveNoTrace(
            String name, String body, String field) {
        String patient = newPatient();
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(body.replace("@P", patient))
                .post("/api/v1/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
        assertNothingStoredOrQueued(patient);
    }

    @Test
    void malformedJsonIsRefused() {
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body("{\"patientRef\": \"x\", \"feet\": [")
                .post("/api/v1/assessments")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongContentTypeIsRefused() {
        given().contentType(ContentType.TEXT)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body("fpi=8")
                .post("/api/v1/assessments")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aRequestWithoutATokenIsRefusedAndStoresNothing() {
        String patient = newPatient();
        given().contentType(ContentType.JSON)
                .body(assessment(patient, "2026-11-20T09:30:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        assertNothingStoredOrQueued(patient);
    }

    @Test
    void unknownAssessmentIsNotFound() {
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/assessments/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/assessments/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private void assertNothingStoredOrQueued(String patient) {
        long assessments =
                Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient));
        long events =
                Tenancy.transaction(CLINIC).call(() -> OutboxEvent.count("patientRef", patient));
        assertThat(assessments).isZero();
        assertThat(events).isZero();
    }

    private static String create(String patient, String at) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(assessment(patient, at))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String assessment(String patient, String at) {
        return """
        {"patientRef":"%s","assessedAt":"%s","feet":[{"side":"LEFT","fpiTotal":3}]}\
        """
                .formatted(patient, at);
    }

    private static String newPatient() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Instant now() {
        return Instant.now();
    }
}
