package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.application.EvaluatePlans;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PatientRows;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PatientErased: progress-service deletes the patient's aggregates and confirms. */
@ServiceQuarkusTest
class ErasureTest {

    private static final String CLINIC = ProgressFlowTest.CLINIC;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;
    @Inject EvaluatePlans evaluator;
    @Inject TestClock clock;

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void anErasedPatientsProgressIsGoneAndTheErasureIsConfirmed() throws Exception {
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        Instant at = WorkedExample.ASSESSED_AT;
        // the events are applied at the instant the pass evaluates: the plan is due then
        clock.stopAt(at);
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                at.minus(20, ChronoUnit.DAYS));
        WorkedExample.sessions()
                .forEach(
                        s ->
                                events.publish(
                                        events.completion(
                                                plan, patient, s.exercise(), s.session(), s.at())));
        String path = "/api/v1/patients/" + patient + "/progress";
        String clinician = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        await().atMost(WAIT)
                .until(
                        () ->
                                given().header("Authorization", clinician)
                                        .get(path)
                                        .then()
                                        .extract()
                                        .response(),
                        r -> r.statusCode() == 200 && r.<Integer>path("completedSessions") == 17);
        // alerts emitted: rows in progress_alert and the outbox
        assertThat(evaluator.evaluateDue(at).emitted()).isPositive();

        UUID erasure = UUID.randomUUID();
        CloudEventRecords.publish(
                bootstrapServers,
                EventType.PATIENT_ERASED,
                UUID.randomUUID().toString(),
                EventSources.ASSESSMENT,
                new PatientErased(erasure, CLINIC, patient, Instant.now()));

        KafkaRecords.find(
                        bootstrapServers,
                        Topics.ERASURE_CONFIRMATIONS,
                        r ->
                                (CLINIC + ":" + patient).equals(r.key())
                                        && EventType.PROGRESS_DATA_ERASED
                                                .type()
                                                .equals(
                                                        KafkaRecords.header(
                                                                r, CloudEventAttributes.TYPE))
                                        && r.value().contains(erasure.toString()),
                        WAIT)
                .orElseThrow(() -> new AssertionError("no ProgressDataErased"));
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
            assertThat(PatientRows.outboxTypes(c, patient))
                    .containsExactly(EventType.PROGRESS_DATA_ERASED.type());
            try (var q =
                    c.prepareStatement(
                            "select (select count(*) from progress_week where plan_id = ?)"
                                    + " + (select count(*) from progress_alert where plan_id = ?)")) {
                q.setObject(1, plan);
                q.setObject(2, plan);
                try (var n = q.executeQuery()) {
                    n.next();
                    assertThat(n.getLong(1)).as("weekly tallies and alerts of the plan").isZero();
                }
            }
        }
        given().header("Authorization", clinician).get(path).then().statusCode(404);
        given().header("Authorization", clinician).get(path + "/weeks").then().statusCode(404);

        // a completion from before the erasure, redelivered late, does not bring the plan back
        events.publish(
                events.completion(
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        new dev.footwork.progress.domain.Session(3, 12, 2, 1),
                        at));
        String sentinel = ProgressEvents.newPatient();
        UUID sentinelPlan = UUID.randomUUID();
        events.planIssued(sentinelPlan, sentinel, WorkedExample.plan(PlanStatus.ACTIVE), at);
        events.publish(
                events.completion(
                        sentinelPlan,
                        sentinel,
                        WorkedExample.TOWEL_LEFT,
                        new dev.footwork.progress.domain.Session(3, 12, 2, 1),
                        at));
        await().atMost(WAIT)
                .until(
                        () ->
                                given().header("Authorization", clinician)
                                        .get("/api/v1/patients/" + sentinel + "/progress")
                                        .then()
                                        .extract()
                                        .response(),
                        r -> r.statusCode() == 200 && r.<Integer>path("completedSessions") == 1);
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }
}
