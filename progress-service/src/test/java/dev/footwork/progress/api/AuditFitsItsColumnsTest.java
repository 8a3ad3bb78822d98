package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.support.AuditTrail;
import dev.footwork.progress.support.ClaimTokens;
import dev.footwork.support.security.Roles;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No token makes an audit entry fail: a request of a token with 500 groups, a subject of 1,000
 * characters and a client name with a NUL in it is served, and its entry is stored with every value
 * fitted to its column (varchar(200)).
 */
@ServiceQuarkusTest
class AuditFitsItsColumnsTest {

    private static final String WORKLIST = "/api/v1/worklist";

    @Test
    void aRequestOfAnOversizedTokenIsServedAndAudited() {
        String clinic = AuditTrail.newClinic();
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < 499; i++) {
            groups.add(String.format("group-%03d", i));
        }
        groups.add(Roles.CLINICIAN);
        String subject = "federated|" + "x".repeat(989) + "1";
        String otherSubject = subject.substring(0, subject.length() - 1) + "2";
        String client = "portal\u0000" + "c".repeat(300);

        for (String user : List.of(subject, otherSubject)) {
            given().header("Authorization", ClaimTokens.bearer(clinic, user, groups, client))
                    .get(WORKLIST)
                    .then()
                    .statusCode(200);
        }

        List<Map<String, Object>> entries =
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () -> AuditTrail.entries(clinic, null, WORKLIST),
                                e -> e.size() == 2);
        for (Map<String, Object> entry : entries) {
            assertThat((String) entry.get("actor"))
                    .hasSizeLessThanOrEqualTo(200)
                    .startsWith(subject.substring(0, 150));
            assertThat((String) entry.get("roles"))
                    .hasSizeLessThanOrEqualTo(200)
                    .as("Footwork's role first, then as many groups as fit, then how many not")
                    .startsWith("clinician,group-000,")
                    .matches(".*\u2026\\+\\d+$");
            assertThat((String) entry.get("client"))
                    .hasSizeLessThanOrEqualTo(200)
                    .startsWith("portal\uFFFDccc");
            assertThat(entry.get("status")).isEqualTo(200);
        }
        assertThat(entries)
                .extracting(e -> e.get("actor"))
                .as("two subjects that differ only beyond the column stay two actors")
                .doesNotHaveDuplicates();
    }
}
