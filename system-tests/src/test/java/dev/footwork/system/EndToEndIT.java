package dev.footwork.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.KafkaBroker;
import dev.footwork.testkit.PatientRows;
import dev.footwork.testkit.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three packaged services as separate processes against one Kafka broker and one PostgreSQL
 * server, driven over HTTP only.
 */
class EndToEndIT {

    private static final String CLINIC = "clinic-e2e";
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = EventJson.newMapper();

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static final Map<String, JdbcDatabase> databases = new HashMap<>();
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess assessment;
    private static ServiceProcess exercise;
    private static ServiceProcess progress;

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("footwork.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/service-logs");
        kafka = KafkaBroker.single();
        postgres = PostgresServer.shared();
        assessment = start(root, logs, "assessment-service", "e2e_assessment");
        exercise = start(root, logs, "exercise-service", "e2e_exercise");
        progress = start(root, logs, "progress-service", "e2e_progress");
        for (ServiceProcess service : services) {
            service.awaitReady(READY);
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anAssessmentFlowsThroughPlanAndCompletionIntoProgress() throws Exception {
        String patient = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        throughTheFlow(patient);
    }

    @Test
    void anErasedPatientIsGoneFromAllThreeServicesDatabasesAndApis() throws Exception {
        String patient = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String planId = throughTheFlow(patient);

        HttpResponse<String> accepted =
                send(
                        assessment,
                        "POST",
                        "/api/v1/erasures",
                        "{\"patientRef\":\"%s\"}".formatted(patient),
                        "admin");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode done =
                await().atMost(FLOW)
                        .until(
                                () ->
                                        send(
                                                assessment,
                                                "GET",
                                                URI.create(status).getPath(),
                                                null,
                                                "admin"),
                                r ->
                                        r.statusCode() == 200
                                                && "COMPLETED"
                                                        .equals(
                                                                json(r.body())
                                                                        .get("status")
                                                                        .asText()))
                        .body()
                        .transform(EndToEndIT::json);
        assertThat(done.findValues("erasedAt")).hasSize(3).allMatch(at -> !at.isNull());

        assertThat(
                        json(get(assessment, "/api/v1/patients/" + patient + "/assessments").body())
                                .get("totalItems")
                                .asInt())
                .isZero();
        assertThat(get(exercise, "/api/v1/patients/" + patient + "/plans/active").statusCode())
                .isEqualTo(404);
        assertThat(get(exercise, "/api/v1/plans/" + planId).statusCode()).isEqualTo(404);
        assertThat(get(progress, "/api/v1/patients/" + patient + "/progress").statusCode())
                .isEqualTo(404);
        for (Map.Entry<String, JdbcDatabase> db : databases.entrySet()) {
            try (Connection c = db.getValue().connect()) {
                assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE))
                        .as(db.getKey())
                        .isEmpty();
                assertThat(PatientRows.outboxTypes(c, patient))
                        .as("outbox of " + db.getKey() + ": only the erasure's own events")
                        .allMatch(type -> type.startsWith("dev.footwork.privacy."));
            }
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        String patient = "e2e-bad-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused =
                post(
                        assessment,
                        "/api/v1/assessments",
                        """
                        {"patientRef":"%s","assessedAt":"2026-11-01T10:00:00Z","feet":[{"side":"LEFT","fpiItems":[5,0,0,0,0,0]}]}\
                        """
                                .formatted(patient));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused.body()).at("/violations/0/field").asText())
                .isEqualTo("feet[0].fpiItems[0]");

        try (Connection c = databases.get("e2e_assessment").connect();
                ResultSet rows =
                        c.createStatement()
                                .executeQuery(
                                        "select (select count(*) from assessment where patient_ref"
                                                + " = '"
                                                + patient
                                                + "') + (select count(*) from outbox_event where"
                                                + " patient_ref = '"
                                                + patient
                                                + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    private static ServiceProcess start(Path root, Path logs, String name, String database)
            throws Exception {
        JdbcDatabase db = postgres.createDatabase(database);
        databases.put(database, db);
        ServiceProcess service =
                ServiceProcess.start(
                        root,
                        name,
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(),
                                "QUARKUS_DATASOURCE_USERNAME", db.username(),
                                "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                                        DevTokens.shared().publicKeyFile().toString()),
                        logs);
        services.add(service);
        return service;
    }

    /** Assessment, plan, a completion and its progress for a new patient; returns the plan id. */
    private static String throughTheFlow(String patient) throws Exception {

        HttpResponse<String> created =
                post(
                        assessment,
                        "/api/v1/assessments",
                        """
                        {"patientRef":"%s","assessedAt":"%s","assessor":"clin-1",
                         "feet":[{"side":"LEFT","fpiTotal":8},{"side":"RIGHT","fpiItems":[-1,-1,0,-1,-1,-1]}]}\
                        """
                                .formatted(patient, Instant.now().minusSeconds(3600)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode classified = JSON.readTree(created.body());
        assertThat(classified.at("/feet/0/level").asText()).isEqualTo("PRONATED");
        assertThat(classified.at("/feet/1/level").asText()).isEqualTo("HIGHLY_SUPINATED");

        JsonNode plan =
                await().atMost(FLOW)
                        .until(
                                () ->
                                        get(
                                                exercise,
                                                "/api/v1/patients/" + patient + "/plans/active"),
                                r -> r.statusCode() == 200)
                        .body()
                        .transform(EndToEndIT::json);
        assertThat(plan.get("assessmentId").asText()).isEqualTo(classified.get("id").asText());
        assertThat(plan.at("/feet/0/exercises/0/exerciseId").asText()).isEqualTo("band-inversion");
        assertThat(plan.at("/feet/1/exercises/0/exerciseId").asText()).isEqualTo("band-eversion");

        String planId = plan.get("id").asText();
        HttpResponse<String> completion =
                post(
                        exercise,
                        "/api/v1/plans/" + planId + "/completions",
                        """
                        {"exerciseId":"band-inversion","side":"LEFT","sets":2,"reps":12,"holdSeconds":3,
                         "bandColour":"YELLOW","pain":3,"completedAt":"%s"}\
                        """
                                .formatted(Instant.now()));
        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(201);

        JsonNode summary =
                await().atMost(FLOW)
                        .until(
                                () -> get(progress, "/api/v1/patients/" + patient + "/progress"),
                                r ->
                                        r.statusCode() == 200
                                                && json(r.body()).get("completedSessions").asInt()
                                                        == 1)
                        .body()
                        .transform(EndToEndIT::json);
        assertThat(summary.get("planId").asText()).isEqualTo(planId);
        assertThat(summary.get("volume").asLong()).isEqualTo(2 * 12 * 3);
        assertThat(summary.get("maxPain").asInt()).isEqualTo(3);
        return planId;
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", DevTokens.bearer("clinician", CLINIC))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", DevTokens.bearer("clinician", CLINIC))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(
            ServiceProcess service, String method, String path, String body, String role)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", DevTokens.bearer(role, CLINIC));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
