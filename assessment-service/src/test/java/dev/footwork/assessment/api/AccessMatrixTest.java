package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.AccessMatrix;
import dev.footwork.testkit.AccessMatrix.OtherClinic;
import dev.footwork.testkit.AccessMatrix.Request;
import dev.footwork.testkit.AccessMatrix.Rule;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint, every kind of caller: see {@link AccessMatrix}. */
@ServiceQuarkusTest
class AccessMatrixTest {

    private static final String CLINIC = "clinic-m";
    private static final String STAFF_AND_PATIENT = "clinician,patient";

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyEndpointAnswersEveryCallerAsItsRulesSay() throws Exception {
        String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String assessmentId =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                        .body(AssessmentResourceTest.assessment(patient, "2026-11-20T09:30:00Z"))
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        // an erasure of someone else, so the patient above keeps its data for the other cells
        String erasureId =
                given().contentType(ContentType.JSON)
                        .header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                        .body(ErasureTest.erasureOf("p-erased-" + patient))
                        .post("/api/v1/erasures")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("erasureId");

        AccessMatrix matrix =
                new AccessMatrix(base, CLINIC, "clinic-elsewhere", patient)
                        .rule("GET", "/api/v1/audit", AccessMatrix.auditTrailRule(patient))
                        .rule(
                                "POST",
                                "/api/v1/assessments",
                                new Rule(
                                        Set.of(Roles.CLINICIAN, Roles.INTEGRATION),
                                        false,
                                        OtherClinic.OWN_CLINIC,
                                        201,
                                        () ->
                                                new Request(
                                                        "/api/v1/assessments",
                                                        () ->
                                                                AssessmentResourceTest.assessment(
                                                                        patient,
                                                                        "2026-11-21T09:30:00Z")),
                                        null))
                        .rule(
                                "GET",
                                "/api/v1/assessments/{id}",
                                new Rule(
                                        roles(STAFF_AND_PATIENT),
                                        true,
                                        OtherClinic.NOT_FOUND,
                                        200,
                                        () -> Request.get("/api/v1/assessments/" + assessmentId),
                                        null))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/assessments",
                                new Rule(
                                        roles(STAFF_AND_PATIENT),
                                        true,
                                        OtherClinic.SEES_NOTHING,
                                        200,
                                        () ->
                                                Request.get(
                                                        "/api/v1/patients/"
                                                                + patient
                                                                + "/assessments"),
                                        body -> body.contains("\"totalItems\":0")))
                        .rule(
                                "POST",
                                "/api/v1/erasures",
                                new Rule(
                                        Set.of(Roles.ADMIN),
                                        false,
                                        OtherClinic.OWN_CLINIC,
                                        202,
                                        () ->
                                                new Request(
                                                        "/api/v1/erasures",
                                                        () ->
                                                                ErasureTest.erasureOf(
                                                                        "p-erased-"
                                                                                + UUID.randomUUID()
                                                                                        .toString()
                                                                                        .substring(
                                                                                                0,
                                                                                                8))),
                                        null))
                        .rule(
                                "GET",
                                "/api/v1/erasures/{erasureId}",
                                new Rule(
                                        Set.of(Roles.ADMIN),
                                        false,
                                        OtherClinic.NOT_FOUND,
                                        200,
                                        () -> Request.get("/api/v1/erasures/" + erasureId),
                                        null))
                        .rule(
                                "GET",
                                "/api/v1/rule-sets/active",
                                new Rule(
                                        Set.copyOf(AccessMatrix.ROLES),
                                        false,
                                        OtherClinic.OWN_CLINIC,
                                        200,
                                        () -> Request.get("/api/v1/rule-sets/active"),
                                        null));

        List<String> failures = matrix.check();

        assertThat(failures).isEmpty();
    }

    private static Set<String> roles(String list) {
        return Set.of(list.split(","));
    }
}
