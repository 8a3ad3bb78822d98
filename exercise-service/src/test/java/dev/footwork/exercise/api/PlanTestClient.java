package dev.footwork.exercise.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.support.outbox.OutboxEvent;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the exercise-service tests do again and again: publish, await plans and events, count. */
final class PlanTestClient {

    static final String CLINIC = "clinic-a";
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final AtomicLong LAST_ASSESSED =
            new AtomicLong(Instant.parse("2026-11-20T09:00:00Z").getEpochSecond());
    private static final Map<UUID, Instant> ASSESSED_AT = new ConcurrentHashMap<>();

    private PlanTestClient() {}

    static String newPatient() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Publishes a classification of the given feet (LEFT first, then RIGHT) as assessment does; an
     * assessment published for the first time is assessed a second after the one before, so that
     * the assessments a test publishes in turn are newer each time.
     */
    static void publishClassified(
            String bootstrap,
            String eventId,
            UUID assessmentId,
            String patient,
            PostureLevel... levels) {
        Instant assessedAt =
                ASSESSED_AT.computeIfAbsent(
                        assessmentId, id -> Instant.ofEpochSecond(LAST_ASSESSED.incrementAndGet()));
        publishClassified(bootstrap, eventId, assessmentId, patient, assessedAt, null, levels);
    }

    /** Publishes the classification of an assessment made at {@code assessedAt}. */
    static void publishClassified(
            String bootstrap,
            String eventId,
            UUID assessmentId,
            String patient,
            Instant assessedAt,
            UUID previousAssessmentId,
            PostureLevel... levels) {
        List<FootClassified.FootResult> feet =
                IntStream.range(0, levels.length)
                        .mapToObj(
                                i ->
                                        new FootClassified.FootResult(
                                                Side.values()[i],
                                                levels[i],
                                                levels[i].posture(),
                                                levels[i].severity(),
                                                levels[i].alignment(),
                                                0.9,
                                                3,
                                                List.of("fpi6")))
                        .toList();
        CloudEventRecords.publish(
                bootstrap,
                EventType.FOOT_CLASSIFIED,
                eventId,
                "/footwork/assessment-service",
                new FootClassified(
                        assessmentId,
                        CLINIC,
                        patient,
                        assessedAt,
                        "fpi6-2026.1",
                        previousAssessmentId,
                        false,
                        feet));
    }

    /** Publishes a classification and waits for its plan; returns the plan id. */
    static String newPlan(String bootstrap, String patient, PostureLevel... levels) {
        publishClassified(
                bootstrap, UUID.randomUUID().toString(), UUID.randomUUID(), patient, levels);
        return awaitCurrentPlan(patient);
    }

    static String awaitCurrentPlan(String patient) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                        .get("/api/v1/patients/" + patient + "/plans/active")
                                        .then()
                                        .extract()
                                        .response(),
                        r -> r.statusCode() == 200)
                .path("id");
    }

    static JsonPath plan(String planId) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + planId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static ConsumerRecord<String, String> awaitEvent(
            String bootstrap, String topic, String patient, EventType type) {
        return awaitEvent(bootstrap, topic, patient, type, r -> true);
    }

    static ConsumerRecord<String, String> awaitEvent(
            String bootstrap,
            String topic,
            String patient,
            EventType type,
            Predicate<ConsumerRecord<String, String>> also) {
        return KafkaRecords.find(
                        bootstrap,
                        topic,
                        r ->
                                (CLINIC + ":" + patient).equals(r.key())
                                        && type.type()
                                                .equals(
                                                        KafkaRecords.header(
                                                                r, CloudEventAttributes.TYPE))
                                        && also.test(r),
                        WAIT)
                .orElseThrow(() -> new AssertionError("no " + type + " for " + patient));
    }

    static String completion(UUID id, String exercise, String band, Instant at) {
        return completion(id, exercise, "LEFT", band, 2, at);
    }

    static String completion(
            UUID id, String exercise, String side, String band, int pain, Instant at) {
        return ("{"
                        + (id == null ? "" : "\"completionId\":\"" + id + "\",")
                        + "\"exerciseId\":\"%s\",\"side\":\"%s\",\"sets\":3,\"reps\":12,\"holdSeconds\":3,"
                        + (band == null ? "" : "\"bandColour\":" + band + ",")
                        + "\"pain\":%d,\"completedAt\":\"%s\"}")
                .formatted(exercise, side, pain, at);
    }

    static long storedCompletions(String patient) {
        return Tenancy.transaction(CLINIC).call(() -> Completion.count("patientRef", patient));
    }

    static long queuedEvents(String patient, EventType type) {
        return Tenancy.transaction(CLINIC)
                .call(
                        () ->
                                OutboxEvent.count(
                                        "patientRef = ?1 and eventType = ?2",
                                        patient,
                                        type.type()));
    }
}
