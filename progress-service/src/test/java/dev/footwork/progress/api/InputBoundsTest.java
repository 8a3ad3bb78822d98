package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import org.junit.jupiter.api.Test;

/** Input that once answered 500 (issue 14): a worklist page whose offset overflowed an int. */
@ServiceQuarkusTest
class InputBoundsTest {

    private static final String CLINIC = "clinic-bounds";

    @Test
    void aWorklistPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", 21474837)
                .queryParam("size", 100)
                .get("/api/v1/worklist")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", PageBounds.MAX_PAGE + 1)
                .get("/api/v1/worklist")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("page"));
        // the last page allowed, at the largest size, is an empty page, not an overflow
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .queryParam("page", PageBounds.MAX_PAGE)
                .queryParam("size", 100)
                .get("/api/v1/worklist")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
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
    }
}
