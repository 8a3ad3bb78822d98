package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.support.outbox.OutboxEvent;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.KafkaTestResource;
import dev.footwork.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "assessment_test"))
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
                        .header("X-Clinic-Id", CLINIC)
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
                        .body("ruleSetVersion", equalTo("fpi6-2026.1"))
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
                QuarkusTransaction.requiringNew()
                        .call(() -> Assessment.findById(UUID.fromString(id)));
        assertThat(stored.clinicId).isEqualTo(CLINIC);
        assertThat(stored.feet).hasSize(2);

        given().header("X-Clinic-Id", CLINIC)
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
                QuarkusTransaction.requiringNew()
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
                .header("X-Clinic-Id", CLINIC)
                .body(assessment(patient, "2026-11-15T10:00:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .body("previousAssessmentId", equalTo(first));
    }

    @Test
    void anotherClinicCannotReadTheAssessment() {
        String id = create(newPatient(), "2026-11-01T10:00:00Z");
        given().header("X-Clinic-Id", "clinic-b")
                .get("/api/v1/assessments/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FPI item out of"
                    + " range|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiItems\":[5,0,0,0,0,0]}]}|feet[0].fpiItems[0]",
                "FPI total out of"
                    + " range|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiTotal\":13}]}|feet[0].fpiTotal",
                "five FPI"
                    + " items|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiItems\":[1,1,1,1,1]}]}|feet[0].fpiItems",
                "foot without a"
                    + " measure|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\"}]}|feet[0].measured",
                "no foot|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[]}|feet",
                "unknown"
                    + " side|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"MIDDLE\",\"fpiTotal\":1}]}|feet[0].side",
                "duplicate"
                    + " side|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiTotal\":1},{\"side\":\"LEFT\",\"fpiTotal\":2}]}|feet[1].side",
                "future"
                    + " date|{\"patientRef\":\"@P\",\"assessedAt\":\"2099-01-01T00:00:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiTotal\":1}]}|assessedAt",
                "items and total"
                    + " disagree|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiItems\":[1,1,1,1,1,1],\"fpiTotal\":2}]}|feet[0].consistent",
                "patient ref with a name|{\"patientRef\":\"Jane"
                    + " Doe\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiTotal\":1}]}|patientRef",
                "text for a"
                    + " number|{\"patientRef\":\"@P\",\"assessedAt\":\"2026-11-20T09:30:00Z\",\"feet\":[{\"side\":\"LEFT\",\"fpiTotal\":\"high\"}]}|feet[0].fpiTotal"
            })
    void badMeasurementsAreRefusedNamingTheFieldAndLeaveNoTrace(
            String name, String body, String field) {
        String patient = newPatient();
        given().contentType(ContentType.JSON)
                .header("X-Clinic-Id", CLINIC)
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
                .header("X-Clinic-Id", CLINIC)
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
                .header("X-Clinic-Id", CLINIC)
                .body("fpi=8")
                .post("/api/v1/assessments")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void missingClinicIsRefused() {
        String patient = newPatient();
        given().contentType(ContentType.JSON)
                .body(assessment(patient, "2026-11-20T09:30:00Z"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("X-Clinic-Id"));
        assertNothingStoredOrQueued(patient);
    }

    @Test
    void unknownAssessmentIsNotFound() {
        given().header("X-Clinic-Id", CLINIC)
                .get("/api/v1/assessments/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Clinic-Id", CLINIC)
                .get("/api/v1/assessments/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private void assertNothingStoredOrQueued(String patient) {
        long assessments =
                QuarkusTransaction.requiringNew()
                        .call(() -> Assessment.count("patientRef", patient));
        long events =
                QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count("patientRef", patient));
        assertThat(assessments).isZero();
        assertThat(events).isZero();
    }

    private static String create(String patient, String at) {
        return given().contentType(ContentType.JSON)
                .header("X-Clinic-Id", CLINIC)
                .body(assessment(patient, at))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String assessment(String patient, String at) {
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
