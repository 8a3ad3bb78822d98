package dev.footwork.progress.support;

import static io.restassured.RestAssured.given;

import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The service's audit trail as a clinic's admin reads it ({@code GET /api/v1/audit}). */
public final class AuditTrail {

    private AuditTrail() {}

    /** A clinic of its own for one test, so its trail holds only what that test did. */
    public static String newClinic() {
        return "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The clinic's entries of one endpoint (its path template), newest first, of one patient or,
     * with {@code patient} null, of any.
     */
    public static List<Map<String, Object>> entries(
            String clinic, String patient, String operation) {
        var request =
                given().header("Authorization", DevTokens.bearer(Roles.ADMIN, clinic))
                        .queryParam("size", 200);
        if (patient != null) {
            request.queryParam("patientRef", patient);
        }
        return request
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("items")
                .stream()
                .filter(entry -> operation.equals(entry.get("operation")))
                .toList();
    }
}
