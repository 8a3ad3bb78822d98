package dev.footwork.exercise.messaging;

import static dev.footwork.exercise.messaging.IngressFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Completions from the ingress topic are logged exactly as {@code POST
 * /api/v1/plans/{planId}/completions} logs them: the same completion whichever way it arrives, the
 * same checks, and a refusal dead-letters the record naming why while the records after it are
 * applied. Out-of-bounds numbers do not get past the event schema ({@code schema-violation});
 * {@code LogCompletionEntryTest} holds the use case to the same bounds.
 */
@ServiceQuarkusTest
class IngressCompletionsTest {

    private static final String CLINIC = "clinic-ingress-log";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aSubmittedCompletionIsTheOneRestAnswersARetryWith() {
        String patient = IngressFixtures.newPatient();
        UUID planId = IngressFixtures.newPlan(bootstrapServers, CLINIC, patient);
        UUID completionId = UUID.randomUUID();
        CompletionSubmitted submitted =
                IngressFixtures.towelGrab(completionId, planId, CLINIC, patient);

        send(Map.of(UUID.randomUUID().toString(), submitted));
        await().atMost(WAIT).until(() -> IngressFixtures.stored(CLINIC, completionId) == 1);

        given().contentType(ContentType.JSON)
                .header("Authorization", DevTokens.bearer(Roles.INTEGRATION, CLINIC))
                .body(
                        ("{\"completionId\":\"%s\",\"exerciseId\":\"towel-grab\",\"side\":\"LEFT\","
                                        + "\"sets\":3,\"reps\":12,\"holdSeconds\":3,\"pain\":2,"
                                        + "\"completedAt\":\"%s\"}")
                                .formatted(completionId, submitted.completedAt()))
                .post("/api/v1/plans/" + planId + "/completions")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(completionId.toString()))
                .body("planId", equalTo(planId.toString()));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/plans/" + planId + "/completions")
                .then()
                .statusCode(200)
                .body("id", contains(completionId.toString()))
                .body("exerciseId", contains("towel-grab"))
                .body("sets", contains(3))
                .body("pain", contains(2));
        assertThat(IngressFixtures.storedFor(CLINIC, patient)).isEqualTo(1);
    }

    @Test
    void aRefusedCompletionIsDeadLetteredNamingWhyAndTheNextOneIsLogged() {
        String patient = IngressFixtures.newPatient();
        UUID planId = IngressFixtures.newPlan(bootstrapServers, CLINIC, patient);
        String otherPatient = IngressFixtures.newPatient();
        UUID otherPatientsPlan = IngressFixtures.newPlan(bootstrapServers, CLINIC, otherPatient);
        UUID unknownPlan = UUID.randomUUID();
        UUID reused = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<String, CompletionSubmitted> records = new LinkedHashMap<>();
        records.put("right-foot", towelGrab(null, planId, patient, Side.RIGHT, 3, 2, now));
        records.put("no-sets", towelGrab(null, planId, patient, Side.LEFT, 0, 2, now));
        records.put("pain-11", towelGrab(null, planId, patient, Side.LEFT, 3, 11, now));
        records.put(
                "other-patient", towelGrab(null, otherPatientsPlan, patient, Side.LEFT, 3, 2, now));
        records.put("unknown-plan", towelGrab(null, unknownPlan, patient, Side.LEFT, 3, 2, now));
        records.put(
                "future",
                towelGrab(null, planId, patient, Side.LEFT, 3, 2, now.plus(Duration.ofHours(1))));
        records.put("first", towelGrab(reused, planId, patient, Side.LEFT, 3, 2, now));
        records.put("reused", towelGrab(reused, planId, patient, Side.LEFT, 3, 5, now));
        records.put("last", towelGrab(last, planId, patient, Side.LEFT, 3, 2, now));
        Map<String, String> ids = send(records);

        await().atMost(WAIT).until(() -> IngressFixtures.stored(CLINIC, last) == 1);
        assertDeadLetter(
                ids.get("right-foot"),
                "rejected",
                "exerciseId: towel-grab is not prescribed for the RIGHT foot");
        assertDeadLetter(
                ids.get("no-sets"), "schema-violation", "/sets: must have a minimum value of 1");
        assertDeadLetter(
                ids.get("pain-11"), "schema-violation", "/pain: must have a maximum value of 10");
        // another patient's plan and a plan that does not exist read alike
        assertDeadLetter(
                ids.get("other-patient"),
                "not-found",
                "plan " + otherPatientsPlan + " does not exist");
        assertDeadLetter(
                ids.get("unknown-plan"), "not-found", "plan " + unknownPlan + " does not exist");
        assertDeadLetter(ids.get("future"), "rejected", "completedAt: must not be in the future");
        assertDeadLetter(
                ids.get("reused"),
                "completion-id-reused",
                "completion " + reused + " was already recorded with different content");
        assertThat(IngressFixtures.storedFor(CLINIC, patient)).isEqualTo(2);
        assertThat(IngressFixtures.storedFor(CLINIC, otherPatient)).isZero();
    }

    private static CompletionSubmitted towelGrab(
            UUID completionId,
            UUID planId,
            String patient,
            Side side,
            int sets,
            int pain,
            Instant completedAt) {
        return IngressFixtures.towelGrab(
                completionId, planId, CLINIC, patient, side, sets, pain, completedAt);
    }

    /** Sends each completion with the clinic's valid credential; returns each one's event id. */
    private Map<String, String> send(Map<String, CompletionSubmitted> completions) {
        Map<String, String> ids = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = KafkaRecords.producer(bootstrapServers)) {
            completions.forEach(
                    (name, completion) -> {
                        String id = UUID.randomUUID().toString();
                        ids.put(name, id);
                        producer.send(IngressFixtures.record(id, completion));
                    });
        }
        return ids;
    }

    private void assertDeadLetter(String eventId, String cause, String reason) {
        ConsumerRecord<String, String> dead =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.EXERCISE_DEAD_LETTER,
                                r ->
                                        eventId.equals(
                                                KafkaRecords.header(r, CloudEventAttributes.ID)),
                                WAIT)
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "event " + eventId + " not dead-lettered"));
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo(cause);
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains(reason);
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_TOPIC))
                .isEqualTo(Topics.INGRESS_COMPLETIONS);
    }
}
