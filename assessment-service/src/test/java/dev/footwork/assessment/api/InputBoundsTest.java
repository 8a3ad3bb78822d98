package dev.footwork.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.DevTokens;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that once answered 500 (issue 14): page numbers whose offset overflowed an int, and
 * instants outside what PostgreSQL stores. Each is a 400 problem detail naming the parameter.
 */
@ServiceQuarkusTest
class InputBoundsTest {

    private static final String CLINIC = "clinic-bounds";

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        String patient = newPatient();
        create(patient, "2026-11-01T10:00:00Z");
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", 21474837)
                .queryParam("size", 100)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        // the last page allowed, at the largest size, is an empty page, not an overflow
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", PageBounds.MAX_PAGE)
                .queryParam("size", 100)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(1));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", PageBounds.MAX_PAGE + 1)
                .get("/api/v1/patients/" + patient + "/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
    }

    @Test
    void anAuditPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .queryParam("page", 10737419)
                .queryParam("size", 200)
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .queryParam("page", PageBounds.MAX_PAGE)
                .queryParam("size", PageBounds.MAX_SIZE)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"-5000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "0001-01-01T00:00:00Z"})
    void anAssessmentTimeOutsideTheStatedYearsIsRefusedNamingIt(String assessedAt) {
        String patient = newPatient();
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(AssessmentResourceTest.assessment(patient, assessedAt))
                .post("/api/v1/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("assessedAt"));
        assertThat(Tenancy.transaction(CLINIC).call(() -> Assessment.count("patientRef", patient)))
                .isZero();
    }

    @Test
    void theFirstInstantOfTheStatedYearsIsAccepted() {
        create(newPatient(), "1900-01-01T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "from=-5000-01-01T00:00:00Z",
                "to=+999999999-12-31T23:59:59Z",
                "from=1899-12-31T23:59:59Z",
                "to=+10000-01-01T00:00:00Z"
            })
    void anAuditWindowOutsideTheStatedYearsIsRefusedNamingTheBound(String bound) {
        String name = bound.substring(0, bound.indexOf('='));
        String value = bound.substring(bound.indexOf('=') + 1);
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .queryParam(name, value)
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(name));
    }

    @Test
    void anAuditWindowAtTheEdgesOfTheStatedYearsIsAnswered() {
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, CLINIC))
                .queryParam("from", "1900-01-01T00:00:00Z")
                .queryParam("to", "9999-12-31T23:59:59.999999Z")
                .get("/api/v1/audit")
                .then()
                .statusCode(200);
    }

    private static void create(String patient, String assessedAt) {
        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .body(AssessmentResourceTest.assessment(patient, assessedAt))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
    }

    private static String newPatient() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
