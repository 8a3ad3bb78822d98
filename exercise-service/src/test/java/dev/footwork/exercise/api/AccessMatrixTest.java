package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.completion;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.AccessMatrix;
import dev.footwork.testkit.AccessMatrix.OtherClinic;
import dev.footwork.testkit.AccessMatrix.Request;
import dev.footwork.testkit.AccessMatrix.Rule;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every endpoint, every kind of caller: see {@link AccessMatrix}. */
@ServiceQuarkusTest
class AccessMatrixTest {

    private static final Set<String> READERS = Set.of(Roles.CLINICIAN, Roles.PATIENT);
    private static final Set<String> LOGGERS =
            Set.of(Roles.CLINICIAN, Roles.PATIENT, Roles.INTEGRATION);
    private static final Set<String> CLINICIANS = Set.of(Roles.CLINICIAN);

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyEndpointAnswersEveryCallerAsItsRulesSay() throws Exception {
        String patient = newPatient();
        String plan =
                "/api/v1/plans/"
                        + PlanTestClient.newPlan(bootstrapServers, patient, PostureLevel.PRONATED);
        String ofPatient = "/api/v1/patients/" + patient;

        AccessMatrix matrix =
                new AccessMatrix(base, PlanTestClient.CLINIC, "clinic-elsewhere", patient)
                        .rule("GET", "/api/v1/audit", AccessMatrix.auditTrailRule(patient))
                        .rule("GET", "/api/v1/exercises", open("/api/v1/exercises"))
                        .rule("GET", "/api/v1/exercises/{id}", open("/api/v1/exercises/towel-grab"))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/plans/active",
                                read(ofPatient + "/plans/active"))
                        .rule(
                                "GET",
                                "/api/v1/patients/{patientRef}/plans",
                                new Rule(
                                        READERS,
                                        true,
                                        OtherClinic.SEES_NOTHING,
                                        200,
                                        () -> Request.get(ofPatient + "/plans"),
                                        body -> body.equals("[]")))
                        .rule("GET", "/api/v1/plans/{planId}", read(plan))
                        .rule("GET", "/api/v1/plans/{planId}/revisions", read(plan + "/revisions"))
                        .rule(
                                "POST",
                                "/api/v1/plans/{planId}/adjustments",
                                write(
                                        CLINICIANS,
                                        200,
                                        plan + "/adjustments",
                                        """
                                        {"changes":[{"action":"CHANGE_DOSAGE","side":"LEFT","exerciseId":"band-inversion","reps":12}]}
                                        """))
                        .rule(
                                "POST",
                                "/api/v1/plans/{planId}/pause",
                                write(CLINICIANS, 200, plan + "/pause", (Supplier<String>) null))
                        .rule(
                                "POST",
                                "/api/v1/plans/{planId}/resume",
                                write(CLINICIANS, 200, plan + "/resume", (Supplier<String>) null))
                        .rule(
                                "GET",
                                "/api/v1/plans/{planId}/completions",
                                read(plan + "/completions"))
                        .rule(
                                "POST",
                                "/api/v1/plans/{planId}/completions",
                                write(
                                        LOGGERS,
                                        201,
                                        plan + "/completions",
                                        () -> completion(null, "towel-grab", null, Instant.now())))
                        .rule(
                                "POST",
                                "/api/v1/plans/{planId}/completions/batch",
                                write(
                                        LOGGERS,
                                        200,
                                        plan + "/completions/batch",
                                        () ->
                                                "{\"completions\":["
                                                        + completion(
                                                                null,
                                                                "heel-raise",
                                                                null,
                                                                Instant.now())
                                                        + "]}"));

        List<String> failures = matrix.check();

        assertThat(failures).isEmpty();
    }

    private static Rule open(String path) {
        return new Rule(
                Set.copyOf(AccessMatrix.ROLES),
                false,
                OtherClinic.OWN_CLINIC,
                200,
                () -> Request.get(path),
                null);
    }

    private static Rule read(String path) {
        return new Rule(READERS, true, OtherClinic.NOT_FOUND, 200, () -> Request.get(path), null);
    }

    private static Rule write(Set<String> roles, int ok, String path, String body) {
        return write(roles, ok, path, () -> body);
    }

    private static Rule write(Set<String> roles, int ok, String path, Supplier<String> body) {
        return new Rule(
                roles,
                roles.contains(Roles.PATIENT),
                OtherClinic.NOT_FOUND,
                ok,
                () -> new Request(path, body),
                null);
    }
}
