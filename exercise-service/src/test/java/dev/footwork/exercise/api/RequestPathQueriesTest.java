package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.SeededRows;
import dev.footwork.testkit.SequentialScans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query the REST requests run uses an index (architecture.md section 6): with the tables
 * holding thousands of plans of many patients and analysed, no statement a request ran has a
 * sequential scan in its generic plan, and no foreign key lacks the index its check needs. Also
 * counts the statements and transactions of the requests the benchmark measures.
 */
@ServiceQuarkusTest
class RequestPathQueriesTest {

    /** Another clinic's rows, so that the tables are large without touching the tests' clinic. */
    private static final String SEED_CLINIC = "clinic-seed";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;
    @Inject @PersistenceUnitExtension RequestStatements seen;

    @BeforeEach
    void manyPlansOfManyPatients() throws SQLException {
        SeededRows.once(
                dataSource,
                "select count(*) from plan where clinic_id = '" + SEED_CLINIC + "'",
                // 3,000 patients, each with a superseded plan and the active plan that replaced it
                """
                insert into plan (id, clinic_id, patient_ref, assessment_id, assessed_at,
                                  revision, status, rules_version, starts_on, issued_at,
                                  supersedes_id, content, updated_at)
                select md5('seed-plan-' || n)::uuid, 'clinic-seed', 'seed-' || (n / 2),
                       md5('seed-assessment-' || n)::uuid, now(), 1,
                       case when n % 2 = 0 then 'SUPERSEDED' else 'ACTIVE' end, 'seed',
                       date '2026-01-01', timestamptz '2026-01-01' + n * interval '1 minute',
                       case when n % 2 = 1 then md5('seed-plan-' || (n - 1))::uuid end,
                       '{}', now()
                from generate_series(0, 5999) n
                """,
                """
                insert into plan_revision (plan_id, revision, clinic_id, reason, status,
                                           content, revised_at)
                select id, r, clinic_id, 'ISSUED', status, content, issued_at + r * interval '1 day'
                from plan, generate_series(1, 2) r where clinic_id = 'clinic-seed'
                """,
                """
                insert into completion (id, plan_id, plan_revision, clinic_id, patient_ref,
                                        exercise_id, side, sets, reps, hold_seconds, pain,
                                        completed_at, recorded_at)
                select gen_random_uuid(), md5('seed-plan-' || (n % 6000))::uuid, 1,
                       'clinic-seed', 'seed-' || ((n % 6000) / 2), 'towel-grab', 'LEFT', 3,
                       12, 3, 2, now() - n * interval '1 minute', now()
                from generate_series(0, 29999) n
                """,
                SeededRows.AUDIT_TRAILS,
                """
                insert into idempotency_key (clinic_id, scope, idempotency_key, request_hash,
                                             resource_id, patient_ref, created_at)
                select 'clinic-seed', 'plans/' || md5('seed-plan-' || n)::uuid || '/completions',
                       'key-' || n, md5('seed'), gen_random_uuid(), 'seed-' || (n / 2), now()
                from generate_series(0, 5999) n
                """,
                """
                insert into erased_patient (clinic_id, patient_ref, erasure_id, erased_at)
                select 'clinic-seed', 'seed-erased-' || n, gen_random_uuid(), now()
                from generate_series(0, 1999) n
                """);
    }

    @Test
    void noRequestReadsATableSequentially() throws SQLException {
        String patient = PlanTestClient.newPatient();
        String older = planOf(patient, null);
        String plan = planOf(patient, older);
        String doctor = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        String ownApp = DevTokens.shared().token(Roles.PATIENT, CLINIC).patient(patient).bearer();
        String admin = DevTokens.bearer(Roles.ADMIN, CLINIC);

        seen.watch();
        get(doctor, "/api/v1/patients/" + patient + "/plans/active");
        get(ownApp, "/api/v1/patients/" + patient + "/plans/active");
        get(doctor, "/api/v1/patients/" + patient + "/plans");
        get(doctor, "/api/v1/plans/" + plan);
        get(doctor, "/api/v1/plans/" + older);
        get(doctor, "/api/v1/plans/" + plan + "/revisions");
        get(doctor, "/api/v1/plans/" + plan + "/completions");
        get(doctor, "/api/v1/exercises");
        logCompletion(doctor, plan, null, null);
        logCompletion(doctor, plan, null, "key-" + UUID.randomUUID());
        UUID completionId = UUID.randomUUID();
        Instant done = Instant.now();
        logCompletion(ownApp, plan, completionId, null, done);
        logCompletion(ownApp, plan, completionId, null, done);
        given().contentType(ContentType.JSON)
                .header("Authorization", doctor)
                .body(
                        "{\"completions\":["
                                + PlanTestClient.completion(null, "towel-grab", null, Instant.now())
                                + "]}")
                .post("/api/v1/plans/" + plan + "/completions/batch")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("Authorization", doctor)
                .body(
                        """
                        {"changes":[{"action":"CHANGE_DOSAGE","side":"LEFT",
                          "exerciseId":"band-inversion","reps":15,"bandColour":"GREEN"}]}
                        """)
                .post("/api/v1/plans/" + plan + "/adjustments")
                .then()
                .statusCode(200);
        given().header("Authorization", doctor)
                .post("/api/v1/plans/" + plan + "/pause")
                .then()
                .statusCode(200);
        given().header("Authorization", doctor)
                .post("/api/v1/plans/" + plan + "/resume")
                .then()
                .statusCode(200);
        get(admin, "/api/v1/audit?patientRef=" + patient);
        get(admin, "/api/v1/audit");
        seen.stop();

        assertThat(seen.statements()).isNotEmpty();
        assertThat(SequentialScans.of(JdbcDatabase.ofQuarkusDatasource(), seen.statements()))
                .as(
                        "statements of requests that read a table sequentially, foreign keys whose check"
                                + " reads the referencing table")
                .isEmpty();
    }

    @Test
    void aRequestIsOneTransactionWithAHandfulOfStatements() {
        String patient = PlanTestClient.newPatient();
        String plan = planOf(patient, null);
        String doctor = DevTokens.bearer(Roles.CLINICIAN, CLINIC);

        Cost read = cost(() -> get(doctor, "/api/v1/patients/" + patient + "/plans/active"));
        Cost completion = cost(() -> logCompletion(doctor, plan, null, null));
        Cost keyed = cost(() -> logCompletion(doctor, plan, null, "key-" + UUID.randomUUID()));
        System.out.printf(
                "figure: exercise-service per request: GET plans/active %s; POST completion %s;"
                        + " POST completion with Idempotency-Key %s%n",
                read, completion, keyed);

        assertThat(completion.transactions())
                .as("transactions of POST completions: " + completion)
                .isEqualTo(1);
        assertThat(keyed.transactions()).as("with a key: " + keyed).isEqualTo(1);
        assertThat(read.transactions()).as("GET plans/active: " + read).isEqualTo(1);
        assertThat(read.statements()).as("GET plans/active: " + read).isEqualTo(1);
        assertThat(completion.statements()).as(completion.toString()).isLessThanOrEqualTo(7);
    }

    /**
     * A new plan for the patient, other than {@code older}; a generous wait, since this may be the
     * first test to run.
     */
    private String planOf(String patient, String older) {
        PlanTestClient.publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.PRONATED,
                PostureLevel.NEUTRAL);
        return await().atMost(Duration.ofMinutes(2))
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                        .get("/api/v1/patients/" + patient + "/plans/active"),
                        r -> r.statusCode() == 200 && !r.path("id").equals(older))
                .path("id");
    }

    private record Cost(int statements, int transactions, List<String> sql) {
        @Override
        public String toString() {
            return statements + " statements in " + transactions + " transaction(s) " + sql;
        }
    }

    private Cost cost(Runnable request) {
        seen.watch();
        request.run();
        seen.stop();
        return new Cost(
                seen.statements().size(),
                seen.transactions(),
                seen.statements().stream().map(RequestPathQueriesTest::verb).toList());
    }

    /** A statement's first words and table, enough to tell the statements apart. */
    private static String verb(String sql) {
        String s = sql.trim().replaceAll("\\s+", " ");
        String[] words = s.split(" ");
        int from = s.indexOf(" from ");
        int into = s.indexOf("insert into ");
        if (into >= 0) {
            return "insert " + s.substring(into + 12).split("[ (]")[0];
        }
        if (s.startsWith("update ")) {
            return "update " + words[1];
        }
        if (from >= 0) {
            return words[0] + " " + s.substring(from + 6).split(" ")[0];
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static Response get(String bearer, String path) {
        Response response = given().header("Authorization", bearer).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static void logCompletion(String bearer, String plan, UUID id, String key) {
        logCompletion(bearer, plan, id, key, Instant.now());
    }

    private static void logCompletion(
            String bearer, String plan, UUID id, String key, Instant completedAt) {
        var request =
                given().contentType(ContentType.JSON)
                        .header("Authorization", bearer)
                        .body(PlanTestClient.completion(id, "towel-grab", null, completedAt));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        int status = request.post("/api/v1/plans/" + plan + "/completions").statusCode();
        assertThat(status).isIn(200, 201);
    }
}
