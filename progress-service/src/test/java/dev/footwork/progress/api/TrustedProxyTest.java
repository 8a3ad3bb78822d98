package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.support.AuditTrail;
import dev.footwork.progress.support.StrictEdgeProfile;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted gateway ({@code quarkus.http.proxy.trusted-proxies} names the peer), the audit
 * trail records the client address the gateway forwarded.
 */
@ServiceQuarkusTest
@TestProfile(StrictEdgeProfile.class)
class TrustedProxyTest {

    private static final String WORKLIST = "/api/v1/worklist";

    @Test
    void theAddressATrustedGatewayForwardsIsRecorded() {
        String clinic = AuditTrail.newClinic();

        // as a gateway that sets the header to the address it received the request from
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, clinic))
                .header("X-Forwarded-For", "198.51.100.23")
                .get(WORKLIST)
                .then()
                .statusCode(200);

        List<Map<String, Object>> entries =
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> AuditTrail.entries(clinic, null, WORKLIST), e -> !e.isEmpty());
        assertThat(entries)
                .singleElement()
                .satisfies(
                        entry ->
                                assertThat(entry.get("remoteAddress"))
                                        .as("forwarded by " + StrictEdgeProfile.GATEWAY)
                                        .isEqualTo("198.51.100.23"));
    }
}
