package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.AuditTrail;
import dev.footwork.progress.support.LiveStream;
import dev.footwork.progress.support.Metrics;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.StrictEdgeProfile;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With {@code footwork.audit.fail-closed}, a read whose audit entry the database refuses for real
 * (a check constraint that one actor breaks) is answered 503 problem+json without its data, and
 * counted; a live stream does not open, and leaves no follower; everyone else is served.
 */
@ServiceQuarkusTest
@TestProfile(StrictEdgeProfile.class)
class AuditFailsClosedTest {

    private static final String REFUSED = "actor-the-trail-refuses";
    private static final String CONSTRAINT = "audit_refuses_one_actor";
    private static final String COUNTER = "footwork_audit_write_failed_total";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    @Inject AgroalDataSource dataSource;

    @Test
    void aReadThatCannotBeAuditedIsRefused() throws Exception {
        String clinic = AuditTrail.newClinic();
        String patient = ProgressEvents.newPatient();
        new ProgressEvents(bootstrapServers, clinic)
                .planIssued(
                        UUID.randomUUID(),
                        patient,
                        WorkedExample.plan(PlanStatus.ACTIVE),
                        Instant.now());
        String allowed =
                DevTokens.shared().token(Roles.CLINICIAN, clinic).subject("dr-recorded").bearer();
        String refused =
                DevTokens.shared().token(Roles.CLINICIAN, clinic).subject(REFUSED).bearer();
        String progress = "/api/v1/patients/" + patient + "/progress";
        await().atMost(WAIT)
                .until(
                        () -> given().header("Authorization", allowed).get(progress).statusCode(),
                        status -> status == 200);

        execute(
                "alter table audit_entry add constraint "
                        + CONSTRAINT
                        + " check (actor <> '"
                        + REFUSED
                        + "')");
        try {
            double refusedBefore = Metrics.value(COUNTER, "request=\"refused\"").orElse(0.0);

            given().header("Authorization", refused)
                    .get(progress)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("ETag", nullValue())
                    .body("status", equalTo(503))
                    .body("patientRef", nullValue());
            assertThat(Metrics.value(COUNTER, "request=\"refused\"").orElse(0.0))
                    .isEqualTo(refusedBefore + 1);

            try (LiveStream stream = LiveStream.open(base, patient, refused)) {
                assertThat(stream.status()).isEqualTo(503);
                assertThat(stream.contentType()).startsWith("application/problem+json");
            }
            await().atMost(WAIT)
                    .untilAsserted(
                            () ->
                                    assertThat(Metrics.value("footwork_progress_streams"))
                                            .as("open streams")
                                            .isZero());

            given().header("Authorization", allowed)
                    .get(progress)
                    .then()
                    .statusCode(200)
                    .body("patientRef", equalTo(patient));
            assertThat(
                            AuditTrail.entries(
                                    clinic, patient, "/api/v1/patients/{patientRef}/progress"))
                    .extracting(e -> e.get("actor"))
                    .contains("dr-recorded")
                    .doesNotContain(REFUSED);
        } finally {
            execute("alter table audit_entry drop constraint " + CONSTRAINT);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
