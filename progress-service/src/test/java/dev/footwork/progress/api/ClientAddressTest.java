package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.support.AuditTrail;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No proxy is trusted by default: the audit trail records the peer's address, whatever a client
 * writes in {@code X-Forwarded-For} or {@code Forwarded} ({@link TrustedProxyTest}: behind a
 * trusted gateway).
 */
@ServiceQuarkusTest
class ClientAddressTest {

    private static final String WORKLIST = "/api/v1/worklist";

    @Test
    void forwardedAddressesFromAnUntrustedPeerAreIgnored() {
        String clinic = AuditTrail.newClinic();

        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, clinic))
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
                .header("Forwarded", "for=198.51.100.9")
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
                                        .as("the peer, not a forwarded hop")
                                        .isEqualTo("127.0.0.1"));
    }
}
