package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.assessment.ServiceQuarkusTest;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query the REST requests run uses an index (architecture.md section 6): with thousands of
 * assessments of many patients, analysed, no statement a request ran has a sequential scan in its
 * generic plan, and no foreign key lacks the index its check (on an erasure's delete) needs. Also
 * counts the statements and transactions of POST assessments.
 */
@ServiceQuarkusTest
class RequestPathQueriesTest {

    private static final String CLINIC = "clinic-a";

    @Inject AgroalDataSource dataSource;
    @Inject @PersistenceUnitExtension RequestStatements seen;

    @BeforeEach
    void manyAssessmentsOfManyPatients() throws SQLException {
        SeededRows.once(
                dataSource,
                "select count(*) from assessment where clinic_id = 'clinic-seed'",
                // 3,000 patients with two assessments each, the second superseding the first
                """
                insert into assessment (id, clinic_id, patient_ref, assessed_at,
                                        rule_set_version, previous_assessment_id, asymmetry,
                                        created_at)
                select md5('seed-assessment-' || n)::uuid, 'clinic-seed', 'seed-' || (n / 2),
                       timestamptz '2026-01-01' + n * interval '1 minute', 'seed',
                       case when n % 2 = 1 then md5('seed-assessment-' || (n - 1))::uuid end,
                       false, now()
                from generate_series(0, 5999) n
                """,
                """
                update assessment a set superseded_by = md5('seed-assessment-' || (n + 1))::uuid
                from generate_series(0, 5999, 2) n
                where a.id = md5('seed-assessment-' || n)::uuid
                """,
                """
                insert into foot_assessment (assessment_id, side, clinic_id, level, confidence,
                                             decided_by, explanation)
                select id, side, clinic_id, 'NEUTRAL', 0.9, 'fpi6', 'seed'
                from assessment, unnest(array['LEFT', 'RIGHT']) side
                where clinic_id = 'clinic-seed'
                """,
                SeededRows.AUDIT_TRAILS,
                """
                insert into idempotency_key (clinic_id, scope, idempotency_key, request_hash,
                                             resource_id, patient_ref, created_at)
                select 'clinic-seed', 'assessments', 'key-' || n, md5('seed'),
                       md5('seed-assessment-' || n)::uuid, 'seed-' || (n / 2), now()
                from generate_series(0, 5999) n
                """,
                """
                insert into erasure_request (id, clinic_id, patient_ref, requested_at,
                                             requested_by)
                select gen_random_uuid(), 'clinic-seed', 'seed-erased-' || n, now(), 'seed'
                from generate_series(0, 1999) n
                """,
                """
                insert into erased_patient (clinic_id, patient_ref, erasure_id, erased_at)
                select 'clinic-seed', 'seed-erased-' || n, gen_random_uuid(), now()
                from generate_series(0, 1999) n
                """,
                """
                insert into outbox_event (id, topic, event_type, source, clinic_id,
                                          patient_ref, occurred_at, payload, published_at)
                select gen_random_uuid(), 'seed', 'seed', 'seed', 'clinic-seed',
                       'seed-' || (n / 2), now(), '{}', now()
                from generate_series(0, 5999) n
                """);
    }

    @Test
    void noRequestReadsATableSequentially() throws SQLException {
        String patient = newPatient();
        String doctor = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        String admin = DevTokens.bearer(Roles.ADMIN, CLINIC);

        seen.watch();
        String first = record(doctor, patient, null, "2026-11-20T09:00:00Z");
        String key = "key-" + UUID.randomUUID();
        record(doctor, patient, key, "2026-11-21T09:00:00Z");
        record(doctor, patient, key, "2026-11-21T09:00:00Z");
        get(doctor, "/api/v1/assessments/" + first);
        get(doctor, "/api/v1/patients/" + patient + "/assessments");
        String erasure =
                given().contentType(ContentType.JSON)
                        .header("Authorization", admin)
                        .body("{\"patientRef\":\"" + patient + "\"}")
                        .post("/api/v1/erasures")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("erasureId");
        get(admin, "/api/v1/erasures/" + erasure);
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
    void aPostedAssessmentIsOneTransaction() {
        String patient = newPatient();
        String doctor = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        record(doctor, patient, null, "2026-11-20T09:00:00Z");

        seen.watch();
        record(doctor, patient, null, "2026-11-21T09:00:00Z");
        seen.stop();
        List<String> plain = seen.statements();
        int plainTransactions = seen.transactions();
        seen.watch();
        record(doctor, patient, "key-" + UUID.randomUUID(), "2026-11-22T09:00:00Z");
        seen.stop();
        System.out.printf(
                "figure: assessment-service per request: POST assessment %d statements in %d"
                        + " transaction(s) %s; with Idempotency-Key %d statements in %d"
                        + " transaction(s) %s%n",
                plain.size(),
                plainTransactions,
                plain,
                seen.statements().size(),
                seen.transactions(),
                seen.statements());

        assertThat(plainTransactions).as("POST assessment: " + plain).isEqualTo(1);
        assertThat(seen.transactions()).as("with a key: " + seen.statements()).isEqualTo(1);
        assertThat(plain).as("POST assessment").hasSizeLessThanOrEqualTo(8);
    }

    private static String record(String bearer, String patient, String key, String at) {
        var request =
                given().contentType(ContentType.JSON)
                        .header("Authorization", bearer)
                        .body(AssessmentResourceTest.assessment(patient, at));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    private static Response get(String bearer, String path) {
        Response response = given().header("Authorization", bearer).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static String newPatient() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
