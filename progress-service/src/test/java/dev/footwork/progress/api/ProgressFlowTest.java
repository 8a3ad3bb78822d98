package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@ServiceQuarkusTest
class ProgressFlowTest {

    static final String CLINIC = "clinic-a";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant AT = Instant.parse("2026-11-23T18:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;

    @Test
    void completionsAddUpToTheWorkedExample() {
        String patient = newPatient();
        UUID plan = UUID.randomUUID();
        publish(
                Topics.PLANS,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                planIssued(plan, patient));
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                completed(
                        plan, patient, ExerciseId.BAND_INVERSION, BandColour.RED, 3, 12, 3, 2, AT));
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                completed(
                        plan,
                        patient,
                        ExerciseId.TOWEL_GRAB,
                        null,
                        2,
                        10,
                        2,
                        6,
                        AT.plusSeconds(3600)));

        Response summary = awaitSessions(patient, 2);
        summary.then()
                .body("planId", equalTo(plan.toString()))
                .body("planStatus", equalTo("ACTIVE"))
                .body("totalReps", equalTo(56))
                .body("volume", equalTo(148))
                .body("meanPain", equalTo(4.0f))
                .body("maxPain", equalTo(6))
                .body("lastActivityAt", equalTo("2026-11-23T19:00:00Z"));
    }

    @Test
    void theSameCompletionDeliveredFiveTimesCountsOnce() {
        String patient = newPatient();
        UUID plan = UUID.randomUUID();
        publish(
                Topics.PLANS,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                planIssued(plan, patient));
        String eventId = UUID.randomUUID().toString();
        ExerciseCompleted once =
                completed(plan, patient, ExerciseId.HEEL_RAISE, null, 3, 12, 2, 1, AT);
        for (int i = 0; i < 5; i++) {
            publish(Topics.COMPLETIONS, EventType.EXERCISE_COMPLETED, eventId, once);
        }
        // a later, different completion proves the five copies have been consumed
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                completed(
                        plan,
                        patient,
                        ExerciseId.HEEL_RAISE,
                        null,
                        1,
                        1,
                        0,
                        0,
                        AT.plusSeconds(60)));

        awaitSessions(patient, 2).then().body("totalReps", equalTo(36 + 1));
    }

    @Test
    void aCompletionArrivingBeforeItsPlanIsCountedWhenThePlanArrives() {
        String patient = newPatient();
        UUID plan = UUID.randomUUID();
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                completed(plan, patient, ExerciseId.TOWEL_GRAB, null, 2, 10, 3, 0, AT));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get(path(patient))
                .then()
                .statusCode(404);

        publish(
                Topics.PLANS,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                planIssued(plan, patient));

        awaitSessions(patient, 1).then().body("volume", equalTo(60));
    }

    @Test
    void poisonEventsAreDeadLetteredAndConsumptionGoesOn() {
        String patient = newPatient();
        UUID plan = UUID.randomUUID();
        // valid JSON that breaks the schema: pain 11
        ExerciseCompleted tooPainful =
                completed(plan, patient, ExerciseId.TOWEL_GRAB, null, 2, 10, 3, 11, AT);
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                tooPainful);

        ConsumerRecord<String, String> dead =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.PROGRESS_DEAD_LETTER,
                                r -> (CLINIC + ":" + patient).equals(r.key()),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("nothing dead-lettered"));
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("schema-violation");
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("pain");

        publish(
                Topics.PLANS,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                planIssued(plan, patient));
        publish(
                Topics.COMPLETIONS,
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                completed(plan, patient, ExerciseId.TOWEL_GRAB, null, 2, 10, 3, 4, AT));
        awaitSessions(patient, 1).then().body("maxPain", equalTo(4));
    }

    @Test
    void anotherClinicSeesNothing() {
        String patient = newPatient();
        UUID plan = UUID.randomUUID();
        publish(
                Topics.PLANS,
                EventType.PLAN_ISSUED,
                UUID.randomUUID().toString(),
                planIssued(plan, patient));
        awaitSessions(patient, 0);
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, "clinic-b"))
                .get(path(patient))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private Response awaitSessions(String patient, int sessions) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                        .get(path(patient))
                                        .then()
                                        .extract()
                                        .response(),
                        r ->
                                r.statusCode() == 200
                                        && r.<Integer>path("completedSessions") == sessions);
    }

    private static String path(String patient) {
        return "/api/v1/patients/" + patient + "/progress";
    }

    private void publish(String topic, EventType type, String id, PatientEvent payload) {
        assertThat(type.topic()).isEqualTo(topic);
        CloudEventRecords.publish(
                bootstrapServers, type, id, "/footwork/exercise-service", payload);
    }

    static PlanIssued planIssued(UUID plan, String patient) {
        PlanContent content =
                new PlanContent(
                        PlanContent.PlanStatus.ACTIVE,
                        LocalDate.of(2026, 11, 23),
                        8,
                        1,
                        List.of(new PlanContent.Phase(1, "Foundation", 1, 2)),
                        List.of(
                                new PlanContent.FootPlan(
                                        Side.LEFT,
                                        PostureLevel.PRONATED,
                                        List.of(
                                                DayOfWeek.MONDAY,
                                                DayOfWeek.WEDNESDAY,
                                                DayOfWeek.FRIDAY),
                                        List.of(
                                                new PlanContent.Prescription(
                                                        ExerciseId.TOWEL_GRAB,
                                                        PlanContent.Role.EMPHASIS,
                                                        3,
                                                        12,
                                                        3,
                                                        null,
                                                        3),
                                                // the completions of these tests name them too:
                                                // a plan counts only what it prescribes
                                                new PlanContent.Prescription(
                                                        ExerciseId.BAND_INVERSION,
                                                        PlanContent.Role.SUPPORTING,
                                                        3,
                                                        12,
                                                        3,
                                                        BandColour.RED,
                                                        2),
                                                new PlanContent.Prescription(
                                                        ExerciseId.HEEL_RAISE,
                                                        PlanContent.Role.MAINTENANCE,
                                                        3,
                                                        12,
                                                        2,
                                                        null,
                                                        2)))),
                        List.of(LocalDate.of(2026, 12, 28)));
        return new PlanIssued(
                plan,
                CLINIC,
                patient,
                UUID.randomUUID(),
                1,
                AT.minusSeconds(86_400),
                null,
                content);
    }

    private static ExerciseCompleted completed(
            UUID plan,
            String patient,
            ExerciseId exercise,
            BandColour band,
            int sets,
            int reps,
            int hold,
            int pain,
            Instant at) {
        return new ExerciseCompleted(
                UUID.randomUUID(),
                plan,
                1,
                CLINIC,
                patient,
                exercise,
                Side.LEFT,
                sets,
                reps,
                hold,
                band,
                pain,
                at);
    }

    static String newPatient() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
