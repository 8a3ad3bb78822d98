package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
 * Two clinics whose platforms choose the same ids (CloudEvents source and id): each clinic's events
 * are applied in that clinic, and none of them is dead-lettered.
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
}
