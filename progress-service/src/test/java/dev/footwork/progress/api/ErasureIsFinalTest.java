package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.application.EraseLocally;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PatientRows;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Erasure is final: once progress-service has erased a patient, no event brings the patient's data
 * back, whatever its time says, and an event applied while the erasure is under way waits for it.
 */
@ServiceQuarkusTest
class ErasureIsFinalTest {

    private static final String CLINIC = ProgressFlowTest.CLINIC;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Session SESSION = new Session(3, 12, 2, 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;
    @Inject EraseLocally eraseLocally;

    @Test
    void aCompletionFromAFastDeviceClockAfterTheErasureBringsNothingBack() throws Exception {
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String patient = ProgressEvents.newPatient();
        UUID plan = countedPlanOf(events, patient);

        events.eraseAndAwaitConfirmation(patient, WAIT);

        // logged after the erasure on a device whose clock is a minute ahead: its time is later
        // than the erasure's, as exercise-service publishes it (ce_time = completedAt)
        Instant fast = Instant.now().plus(60, ChronoUnit.SECONDS);
        publishTimed(events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, fast));

        awaitAnotherPatientCounted(events);
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }

    @Test
    void aCompletionAppliedWhileTheErasureIsOpenWaitsAndIsThenSkipped() throws Exception {
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String patient = ProgressEvents.newPatient();
        UUID plan = countedPlanOf(events, patient);

        CountDownLatch erasing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        PatientErased request =
                new PatientErased(UUID.randomUUID(), CLINIC, patient, Instant.now());
        CompletableFuture<Void> erasure =
                CompletableFuture.runAsync(
                        () ->
                                Tenancy.transaction(CLINIC)
                                        .run(
                                                () -> {
                                                    eraseLocally.handle(request);
                                                    erasing.countDown();
                                                    waitFor(commit);
                                                }));
        assertThat(erasing.await(30, TimeUnit.SECONDS)).isTrue();

        publishTimed(
                events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, Instant.now()));
        // the consumer has reached the patient and waits for the open erasure
        await().atMost(WAIT).until(this::someoneWaitsForALock);
        commit.countDown();
        erasure.get(30, TimeUnit.SECONDS);

        awaitAnotherPatientCounted(events);
        try (Connection c = dataSource.getConnection()) {
            assertThat(PatientRows.tablesNaming(c, patient, PatientRows.KEPT_ON_ERASURE)).isEmpty();
        }
    }

    /**
     * A plan that began a week ago, with one counted session, so the patient has rows in every
     * table and sessions logged now fall within the plan's weeks.
     */
    private UUID countedPlanOf(ProgressEvents events, String patient) {
        UUID plan = UUID.randomUUID();
        Instant now = Instant.now();
        PlanContent worked = WorkedExample.plan(PlanStatus.ACTIVE);
        PlanContent content =
                new PlanContent(
                        worked.status(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(1),
                        worked.weeks(),
                        worked.currentPhase(),
                        worked.phases(),
                        worked.feet(),
                        List.of());
        events.planIssued(plan, patient, content, now.minus(7, ChronoUnit.DAYS));
        events.publish(
                events.completion(
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        SESSION,
                        now.minus(1, ChronoUnit.DAYS)));
        awaitCompletedSessions(patient, 1);
        return plan;
    }

    /** Another patient's session is counted after this test's events: they have been consumed. */
    private void awaitAnotherPatientCounted(ProgressEvents events) {
        String sentinel = ProgressEvents.newPatient();
        countedPlanOf(events, sentinel);
    }

    private void awaitCompletedSessions(String patient, int sessions) {
        String clinician = DevTokens.bearer(Roles.CLINICIAN, CLINIC);
        await().atMost(WAIT)
                .until(
                        () ->
                                given().header("Authorization", clinician)
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .then()
                                        .extract()
                                        .response(),
                        r ->
                                r.statusCode() == 200
                                        && r.<Integer>path("completedSessions") == sessions);
    }

    /** As exercise-service's relay publishes it: with {@code ce_time} = completedAt. */
    private void publishTimed(ExerciseCompleted completion) {
        String id = UUID.randomUUID().toString();
        var record =
                CloudEventRecords.record(
                        EventType.EXERCISE_COMPLETED, id, EventSources.EXERCISE, completion);
        Map<String, String> headers =
                new HashMap<>(
                        CloudEventRecords.headers(
                                EventType.EXERCISE_COMPLETED,
                                id,
                                EventSources.EXERCISE,
                                completion.clinicId(),
                                completion.patientRef()));
        headers.put(CloudEventAttributes.TIME, completion.completedAt().toString());
        KafkaRecords.send(bootstrapServers, record.topic(), record.key(), record.value(), headers);
    }

    private boolean someoneWaitsForALock() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet waiting =
                        c.createStatement()
                                .executeQuery("select count(*) from pg_locks where not granted")) {
            waiting.next();
            return waiting.getLong(1) > 0;
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
