package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.application.EvaluatePlans;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two clinics whose platforms choose the same ids (CloudEvents source and id, plan id, completion
 * id, patient reference): each clinic's events are applied, counted and erased in that clinic
 * alone, and none of them is dead-lettered.
 */
@ServiceQuarkusTest
class TwoClinicsTest {

    private static final String A = "clinic-a";
    private static final String B = "clinic-b";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject TestClock clock;
    @Inject EvaluatePlans evaluator;
    @Inject AgroalDataSource dataSource;

    private ProgressEvents clinicA;
    private ProgressEvents clinicB;

    @BeforeEach
    void stopTheClock() {
        clinicA = new ProgressEvents(bootstrapServers, A);
        clinicB = new ProgressEvents(bootstrapServers, B);
        clock.stopAt(AT);
    }

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void eventsOfTwoClinicsWithTheSameSourceAndIdAreBothApplied() {
        String patientA = ProgressEvents.newPatient();
        String patientB = ProgressEvents.newPatient();
        UUID planA = UUID.randomUUID();
        UUID planB = UUID.randomUUID();
        String planEvent = UUID.randomUUID().toString();
        String completionEvent = UUID.randomUUID().toString();

        clinicA.planIssued(planA, patientA, plan(), AT.minus(20, ChronoUnit.DAYS), planEvent);
        clinicB.planIssued(planB, patientB, plan(), AT.minus(20, ChronoUnit.DAYS), planEvent);
        clinicA.publish(
                clinicA.completion(
                        planA, patientA, WorkedExample.TOWEL_LEFT, new Session(3, 10, 2, 1), AT),
                completionEvent);
        clinicB.publish(
                clinicB.completion(
                        planB, patientB, WorkedExample.TOWEL_LEFT, new Session(3, 12, 2, 1), AT),
                completionEvent);

        awaitSessions(A, patientA, 1).then().body("totalReps", equalTo(30));
        awaitSessions(B, patientB, 1).then().body("totalReps", equalTo(36));
        assertNothingDeadLettered(Set.of(A + ":" + patientA, B + ":" + patientB));
    }

    @Test
    void twoClinicsWhoseEventsNameTheSamePlanAndCompletionAreCountedEachInItsOwn() {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        UUID completion = UUID.randomUUID();

        clinicA.planIssued(plan, patient, plan(), AT.minus(20, ChronoUnit.DAYS));
        clinicB.planIssued(plan, patient, plan(), AT.minus(20, ChronoUnit.DAYS));
        clinicA.publish(
                clinicA.completion(
                        completion,
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        new Session(3, 10, 2, 6),
                        AT));
        clinicB.publish(
                clinicB.completion(
                        completion,
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        new Session(3, 12, 2, 8),
                        AT.minus(1, ChronoUnit.HOURS)));

        awaitSessions(A, patient, 1)
                .then()
                .body("planId", equalTo(plan.toString()))
                .body("totalReps", equalTo(30))
                .body("maxPain", equalTo(6))
                .body("lastActivityAt", equalTo("2026-11-18T12:00:00Z"));
        awaitSessions(B, patient, 1)
                .then()
                .body("planId", equalTo(plan.toString()))
                .body("totalReps", equalTo(36))
                .body("maxPain", equalTo(8))
                .body("lastActivityAt", equalTo("2026-11-18T11:00:00Z"));
        // the first clinic's figures are still its own after the second clinic's changes
        summary(A, patient).then().body("totalReps", equalTo(30)).body("maxPain", equalTo(6));

        // the same alert key under the same plan id is claimed once per clinic
        evaluator.evaluateDue(AT);
        for (String clinic : List.of(A, B)) {
            String key = clinic + ":" + patient;
            KafkaRecords.find(
                            bootstrapServers,
                            Topics.PROGRESS,
                            r ->
                                    key.equals(r.key())
                                            && EventType.PAIN_RULE_BROKEN
                                                    .type()
                                                    .equals(
                                                            KafkaRecords.header(
                                                                    r, CloudEventAttributes.TYPE))
                                            && r.value().contains("ABOVE_THRESHOLD"),
                            WAIT)
                    .orElseThrow(() -> new AssertionError("no PainRuleBroken for " + key));
        }
        assertNothingDeadLettered(Set.of(A + ":" + patient, B + ":" + patient));
    }

    @Test
    void erasingOneClinicsPatientLeavesAnotherClinicsPlanOfTheSameId() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        clinicA.planIssued(plan, patient, plan(), AT.minus(20, ChronoUnit.DAYS));
        clinicB.planIssued(plan, patient, plan(), AT.minus(20, ChronoUnit.DAYS));
        clinicA.publish(
                clinicA.completion(
                        plan, patient, WorkedExample.TOWEL_LEFT, new Session(3, 10, 2, 6), AT));
        clinicB.publish(
                clinicB.completion(
                        plan, patient, WorkedExample.TOWEL_LEFT, new Session(3, 12, 2, 8), AT));
        awaitSessions(A, patient, 1);
        awaitSessions(B, patient, 1);
        evaluator.evaluateDue(AT);
        assertThat(alerts(A, plan)).as("clinic-a's alerts").isPositive();
        long alertsOfB = alerts(B, plan);
        assertThat(alertsOfB).as("clinic-b's alerts").isPositive();

        clinicA.eraseAndAwaitConfirmation(patient, WAIT);

        summary(A, patient).then().statusCode(404);
        summary(B, patient)
                .then()
                .statusCode(200)
                .body("completedSessions", equalTo(1))
                .body("totalReps", equalTo(36))
                .body("maxPain", equalTo(8));
        assertThat(alerts(A, plan)).as("clinic-a's alerts after its erasure").isZero();
        assertThat(alerts(B, plan)).as("clinic-b's alerts").isEqualTo(alertsOfB);
    }

    private static PlanContent plan() {
        return WorkedExample.plan(PlanStatus.ACTIVE);
    }

    private static Response summary(String clinic, String patient) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, clinic))
                .get("/api/v1/patients/" + patient + "/progress")
                .then()
                .extract()
                .response();
    }

    private static Response awaitSessions(String clinic, String patient, int sessions) {
        await(clinic + "'s patient " + patient)
                .atMost(WAIT)
                .until(() -> counted(summary(clinic, patient)), equalTo(sessions + " session(s)"));
        return summary(clinic, patient);
    }

    private static String counted(Response summary) {
        return summary.statusCode() == 200
                ? summary.<Integer>path("completedSessions") + " session(s)"
                : "HTTP " + summary.statusCode() + " " + summary.<String>path("title");
    }

    private void assertNothingDeadLettered(Set<String> keys) {
        List<String> causes =
                KafkaRecords.poll(
                                bootstrapServers,
                                Topics.PROGRESS_DEAD_LETTER,
                                Integer.MAX_VALUE,
                                Duration.ofSeconds(3))
                        .stream()
                        .filter(r -> keys.contains(r.key()))
                        .map(TwoClinicsTest::cause)
                        .toList();
        assertThat(causes).as("dead letters of " + keys).isEmpty();
    }

    private static String cause(ConsumerRecord<String, String> record) {
        return record.key()
                + ": "
                + KafkaRecords.header(record, CloudEventAttributes.DEAD_LETTER_CAUSE)
                + " "
                + KafkaRecords.header(record, CloudEventAttributes.DEAD_LETTER_REASON);
    }

    private long alerts(String clinic, UUID plan) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select count(*) from progress_alert where clinic_id = ? and"
                                        + " plan_id = ?")) {
            q.setString(1, clinic);
            q.setObject(2, plan);
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }
}
