package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.EventType;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.AccessMatrix;
import dev.footwork.testkit.AccessMatrix.OtherClinic;
import dev.footwork.testkit.AccessMatrix.Request;
import dev.footwork.testkit.AccessMatrix.Rule;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every endpoint, every kind of caller: see {@link AccessMatrix}. */
@ServiceQuarkusTest
class AccessMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyEndpointAnswersEveryCallerAsItsRulesSay() throws Exception {
        String patient = ProgressFlowTest.newPatient();
        UUID plan = UUID.randomUUID();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                "/footwork/exercise-service",
                ProgressFlowTest.planIssued(plan, patient));
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(
                                                        Roles.CLINICIAN, ProgressFlowTest.CLINIC))
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .statusCode(),
                        status -> status == 200);

        String progress = "/api/v1/patients/" + patient + "/progress";
        AccessMatrix matrix =
                new AccessMatrix(base, ProgressFlowTest.CLINIC, "clinic-elsewhere", patient)
                        .rule("GET", "/api/v1/audit", AccessMatrix.auditTrailRule(patient))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/progress",
                                patientData(() -> Request.get(progress)))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/progress/weeks",
                                patientData(() -> Request.get(progress + "/weeks")))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/progress/stream",
                                patientData(() -> Request.get(progress + "/stream")))
                        .rule(
                                "GET",
                                "/api/v1/worklist",
                                new Rule(
                                        Set.of(Roles.CLINICIAN),
                                        false,
                                        OtherClinic.SEES_NOTHING,
                                        200,
                                        () -> Request.get("/api/v1/worklist?size=100"),
                                        body -> !body.contains(patient)));

        assertThat(matrix.check()).isEmpty();
    }

    /** A patient's own data: clinicians of the clinic and the patient themself. */
    private static Rule patientData(Supplier<Request> request) {
        return new Rule(
                Set.of(Roles.CLINICIAN, Roles.PATIENT),
                true,
                OtherClinic.NOT_FOUND,
                200,
                request,
                null);
    }
}
