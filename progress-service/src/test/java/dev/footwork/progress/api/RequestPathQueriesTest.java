package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.CountedStatements;
import dev.footwork.progress.support.ManyPatients;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.ClinicWideScans;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.SequentialScans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query the REST requests run uses an index (architecture.md section 6): with the tables
 * holding the plans, tallies and completions of thousands of patients in 50 clinics, analysed, no
 * statement a request ran has a sequential scan in its generic plan (the plan PostgreSQL keeps for
 * a prepared statement whatever its parameters), and no foreign key lacks the index its check
 * needs; a patient's requests read no table's rows of the whole clinic either ({@link
 * ClinicWideScans}). progress-service serves reads only: the summary, the weekly series, the live
 * stream's first summary, the worklist (the dashboard calls these) and the audit trail; its only
 * writes, their audit entries, are inserted by service-support's group-commit writer off the
 * request threads.
 */
@ServiceQuarkusTest
class RequestPathQueriesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;
    @Inject @PersistenceUnitExtension CountedStatements seen;

    @BeforeEach
    void manyPlansOfManyPatients() throws SQLException {
        ManyPatients.seed(dataSource);
    }

    @Test
    void noRequestReadsATableSequentially() throws Exception {
        String clinic = "clinic-r" + UUID.randomUUID().toString().substring(0, 6);
        ProgressEvents events = new ProgressEvents(bootstrapServers, clinic);
        String patient = ProgressEvents.newPatient();
        Instant issuedAt = WorkedExample.ASSESSED_AT.minus(20, ChronoUnit.DAYS);
        // an earlier plan, superseded by the current one
        events.planIssued(
                UUID.randomUUID(), patient, WorkedExample.plan(PlanStatus.SUPERSEDED), issuedAt);
        var sessions = WorkedExample.sessions();
        UUID plan = UUID.randomUUID();
        events.planIssued(plan, patient, WorkedExample.plan(PlanStatus.ACTIVE), issuedAt);
        sessions.forEach(
                s ->
                        events.publish(
                                events.completion(
                                        plan, patient, s.exercise(), s.session(), s.at())));
        String doctor = DevTokens.bearer(Roles.CLINICIAN, clinic);
        String ownApp = DevTokens.shared().token(Roles.PATIENT, clinic).patient(patient).bearer();
        String admin = DevTokens.bearer(Roles.ADMIN, clinic);
        String progress = "/api/v1/patients/" + patient + "/progress";
        await().atMost(WAIT)
                .until(
                        () -> given().header("Authorization", doctor).get(progress),
                        r ->
                                r.statusCode() == 200
                                        && r.path("planId").equals(plan.toString())
                                        && r.<Integer>path("completedSessions") == sessions.size());

        seen.watchRequests();
        get(doctor, progress);
        get(ownApp, progress);
        get(doctor, progress + "/weeks");
        get(ownApp, progress + "/weeks");
        firstSummaryOfTheStream(doctor, progress + "/stream");
        given().header("Authorization", doctor)
                .get("/api/v1/patients/" + ProgressEvents.newPatient() + "/progress")
                .then()
                .statusCode(404);
        get(admin, "/api/v1/audit?patientRef=" + patient);
        seen.stopWatchingRequests();
        Set<String> ofAPatient = new LinkedHashSet<>(seen.ofRequests());
        // what a clinic's list answers (its count) needs every current row of the clinic
        seen.watchRequests();
        get(doctor, "/api/v1/worklist");
        get(doctor, "/api/v1/worklist?page=1&size=5");
        get(admin, "/api/v1/audit");
        seen.stopWatchingRequests();
        Set<String> ofTheClinic = new LinkedHashSet<>(seen.ofRequests());

        assertThat(ofAPatient).isNotEmpty();
        assertThat(ofTheClinic).isNotEmpty();
        Set<String> all = new LinkedHashSet<>(ofAPatient);
        all.addAll(ofTheClinic);
        JdbcDatabase database = JdbcDatabase.ofQuarkusDatasource();
        assertThat(SequentialScans.of(database, all))
                .as(
                        "statements of requests that read a table sequentially, foreign keys whose check"
                                + " reads the referencing table")
                .isEmpty();
        assertThat(ClinicWideScans.in(database, ofAPatient))
                .as("statements of a patient's requests that read the clinic's rows of a table")
                .isEmpty();
    }

    /** Opens the live stream, reads its first summary (read while the request opens) and closes. */
    private void firstSummaryOfTheStream(String bearer, String path) throws Exception {
        HttpResponse<InputStream> stream =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(base.resolve(path))
                                        .header("Authorization", bearer)
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).as(path).isEqualTo(200);
            String first =
                    CompletableFuture.supplyAsync(() -> firstData(body))
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).as("first event of " + path).contains("completedSessions");
        }
    }

    private static String firstData(InputStream body) {
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response get(String bearer, String path) {
        Response response = given().header("Authorization", bearer).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
