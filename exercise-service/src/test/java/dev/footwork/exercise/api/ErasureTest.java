package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.LockWaits;
import dev.footwork.testkit.PatientRows;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** PatientErased: exercise-service deletes the patient's plans and completions and confirms. */
@ServiceQuarkusTest
class ErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;

    @Test
    void anErasedPatientsPlansAndCompletionsAreGoneAndTheErasureIsConfirmed() throws Exception {
        String patient = PlanTestClient.newPatient();
        String other = PlanTestClient.newPatient();
        String plan =
                PlanTestClient.newPlan(
                        bootstrapServers, patient, PostureLevel.PRONATED, PostureLevel.NEUTRAL);
        PlanTestClient.newPlan(bootstrapServers, other, PostureLevel.SUPINATED);
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(PlanTestClient.completion(null, "towel-grab", null, Instant.now()))
                .post("/api/v1/plans/" + plan + "/completions")
                .then()
                .statusCode(201);
        assertThat(PlanTestClient.storedCompletions(patient)).isEqualTo(1);

        UUID erasure = UUID.randomUUID();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PATIENT_ERASED,
                UUID.randomUUID().toString(),
                EventSources.ASSESSMENT,
                new PatientErased(erasure, CLINIC, patient, Instant.now()));

        PlanTestClient.awaitEvent(
                bootstrapServers,
                Topics.ERASURE_CONFIRMATIONS,
                patient,
                EventType.EXERCISE_DATA_ERASED,
                r -> r.value().contains(erasure.toString()));
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
            assertThat(revisionsOf(c, plan)).isZero();
            // the history of PlanIssued and ExerciseCompleted is gone; only the confirmation waits
            assertThat(PatientRows.outboxTypes(c, patient))
                    .containsExactly(EventType.EXERCISE_DATA_ERASED.type());
        }
        String clinician = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        given().header("Authorization", clinician)
                .get("/api/v1/plans/" + plan)
                .then()
                .statusCode(404);
        given().header("Authorization", clinician)
                .get("/api/v1/patients/" + patient + "/plans/active")
                .then()
                .statusCode(404);
        assertThat(PlanTestClient.awaitCurrentPlan(other)).isNotNull();

        // a classification from before the erasure, still in flight, makes no new plan
        PlanTestClient.publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED);
        String sentinel = PlanTestClient.newPatient();
        PlanTestClient.newPlan(bootstrapServers, sentinel, PostureLevel.NEUTRAL);
        await().during(java.time.Duration.ofMillis(500))
                .atMost(WAIT)
                .until(
                        () ->
                                given().header("Authorization", clinician)
                                                .get(
                                                        "/api/v1/patients/"
                                                                + patient
                                                                + "/plans/active")
                                                .statusCode()
                                        == 404);
    }

    @Test
    void aCompletionPostedWhileTheErasureRunsWaitsForItAndFindsNoPlan() throws Exception {
        String patient = PlanTestClient.newPatient();
        String plan = PlanTestClient.newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        CompletableFuture<Integer> posted;
        try (Connection erasure = dataSource.getConnection()) {
            // an erasure under way: the patient's lock taken, the rows deleted, not yet committed
            erasure.setAutoCommit(false);
            try (PreparedStatement s =
                    erasure.prepareStatement(
                            "select pg_advisory_xact_lock(1348564073, hashtext(?))")) {
                s.setString(1, CLINIC + ":" + patient);
                s.execute();
            }
            for (String delete :
                    List.of(
                            "delete from completion where clinic_id = ? and patient_ref = ?",
                            "delete from plan_revision where plan_id in (select id from plan"
                                    + " where clinic_id = ? and patient_ref = ?)",
                            "delete from plan where clinic_id = ? and patient_ref = ?",
                            "insert into erased_patient (clinic_id, patient_ref, erasure_id,"
                                    + " erased_at) values (?, ?, gen_random_uuid(), now())")) {
                try (PreparedStatement s = erasure.prepareStatement(delete)) {
                    s.setString(1, CLINIC);
                    s.setString(2, patient);
                    s.executeUpdate();
                }
            }
            posted =
                    CompletableFuture.supplyAsync(
                            () ->
                                    given().contentType(ContentType.JSON)
                                            .header(
                                                    "Authorization",
                                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                            .body(
                                                    PlanTestClient.completion(
                                                            null,
                                                            "towel-grab",
                                                            null,
                                                            Instant.now()))
                                            .post("/api/v1/plans/" + plan + "/completions")
                                            .statusCode());
            await().atMost(WAIT)
                    .until(() -> posted.isDone() || LockWaits.sessionsWaitingFor(erasure) > 0);
            erasure.commit();
        }

        assertThat(posted.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(404);
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }

    @Test
    void theIdempotencyKeysOfAnErasedPatientsCompletionsAreGoneToo() throws Exception {
        String patient = PlanTestClient.newPatient();
        String plan = PlanTestClient.newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL);
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .header("Idempotency-Key", "offline-sync-1")
                .body(PlanTestClient.completion(null, "towel-grab", null, Instant.now()))
                .post("/api/v1/plans/" + plan + "/completions")
                .then()
                .statusCode(201);
        try (Connection c = dataSource.getConnection()) {
            assertThat(keysOf(c, patient)).isEqualTo(1);
        }

        UUID erasure = UUID.randomUUID();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PATIENT_ERASED,
                UUID.randomUUID().toString(),
                EventSources.ASSESSMENT,
                new PatientErased(erasure, CLINIC, patient, Instant.now()));
        PlanTestClient.awaitEvent(
                bootstrapServers,
                Topics.ERASURE_CONFIRMATIONS,
                patient,
                EventType.EXERCISE_DATA_ERASED,
                r -> r.value().contains(erasure.toString()));

        try (Connection c = dataSource.getConnection()) {
            assertThat(keysOf(c, patient)).isZero();
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }

    private static long keysOf(Connection c, String patient) throws Exception {
        try (PreparedStatement q =
                c.prepareStatement(
                        "select count(*) from idempotency_key where clinic_id = ? and patient_ref"
                                + " = ?")) {
            q.setString(1, CLINIC);
            q.setString(2, patient);
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }

    private static long revisionsOf(Connection c, String plan) throws Exception {
        try (PreparedStatement q =
                c.prepareStatement("select count(*) from plan_revision where plan_id = ?")) {
            q.setObject(1, UUID.fromString(plan));
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }
}
