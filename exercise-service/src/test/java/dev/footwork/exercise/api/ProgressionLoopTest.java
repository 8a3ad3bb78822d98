package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.WAIT;
import static dev.footwork.exercise.api.PlanTestClient.awaitCurrentPlan;
import static dev.footwork.exercise.api.PlanTestClient.awaitEvent;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.newPlan;
import static dev.footwork.exercise.api.PlanTestClient.plan;
import static dev.footwork.exercise.api.PlanTestClient.publishClassified;
import static dev.footwork.exercise.api.PlanTestClient.queuedEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.AdherenceDropped;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaRecords;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Progress events from progress-service advance or step back the plan, once each. */
@ServiceQuarkusTest
class ProgressionLoopTest {

    private static final String INVERSION =
            "feet[0].exercises.find { it.exerciseId == 'band-inversion' }";
    private static final Instant AT = Instant.parse("2026-12-07T06:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject ObjectMapper mapper;

    @Test
    void aCompletedPhaseAdvancesThePlanOnceEvenWhenReportedAgain() throws Exception {
        String patient = newPatient();
        UUID planId = UUID.fromString(newPlan(bootstrapServers, patient, PostureLevel.PRONATED));
        JsonPath before = plan(planId.toString());
        assertThat(before.getInt(INVERSION + ".sets")).isEqualTo(3);
        assertThat(before.getInt(INVERSION + ".reps")).isEqualTo(10);

        String eventId = UUID.randomUUID().toString();
        PhaseCompleted phaseOne = new PhaseCompleted(planId, CLINIC, patient, 1, 92.0, 3, AT);
        publish(EventType.PHASE_COMPLETED, eventId, phaseOne);
        publish(EventType.PHASE_COMPLETED, eventId, phaseOne);
        publish(EventType.PHASE_COMPLETED, UUID.randomUUID().toString(), phaseOne);

        JsonPath after = awaitRevision(planId, 2);
        assertThat(after.getInt("currentPhase")).isEqualTo(2);
        assertThat(after.getInt(INVERSION + ".reps")).as("3x10 -> 3x15").isEqualTo(15);
        ConsumerRecord<String, String> revised =
                awaitEvent(
                        bootstrapServers,
                        Topics.PLANS,
                        patient,
                        EventType.PLAN_REVISED,
                        r -> r.value().contains("PHASE_ADVANCED"));
        JsonNode json = mapper.readTree(revised.value());
        assertThat(EventSchemas.violations(EventType.PLAN_REVISED, json)).isEmpty();
        assertThat(json.at("/plan/currentPhase").asInt()).isEqualTo(2);

        // a later marker proves the duplicates were consumed before we count revisions
        publish(
                EventType.ADHERENCE_DROPPED,
                UUID.randomUUID().toString(),
                new AdherenceDropped(planId, CLINIC, patient, 7, 30.0, 50.0, AT));
        publish(
                EventType.PAIN_RULE_BROKEN,
                UUID.randomUUID().toString(),
                new PainRuleBroken(
                        planId, CLINIC, patient, PainRuleBroken.Rule.ABOVE_THRESHOLD, 7, 3, AT));
        JsonPath reduced = awaitRevision(planId, 3);
        assertThat(reduced.getInt(INVERSION + ".reps")).as("3x15 -> 3x10").isEqualTo(10);
        assertThat(reduced.getInt("currentPhase")).isEqualTo(2);
        assertThat(queuedEvents(patient, EventType.PLAN_REVISED))
                .as("one PHASE_ADVANCED and one LOAD_REDUCED, nothing for adherence")
                .isEqualTo(2);
    }

    @Test
    void aPausedPlanIsNotProgressed() {
        String patient = newPatient();
        UUID planId = UUID.fromString(newPlan(bootstrapServers, patient, PostureLevel.SUPINATED));
        given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .post("/api/v1/plans/" + planId + "/pause")
                .then()
                .statusCode(200);

        publish(
                EventType.PHASE_COMPLETED,
                UUID.randomUUID().toString(),
                new PhaseCompleted(planId, CLINIC, patient, 1, 95.0, 2, AT));
        publish(
                EventType.PAIN_RULE_BROKEN,
                UUID.randomUUID().toString(),
                new PainRuleBroken(
                        planId,
                        CLINIC,
                        patient,
                        PainRuleBroken.Rule.RISING_WEEK_ON_WEEK,
                        4.5,
                        2,
                        AT));
        // the unknown plan below is dead-lettered after both events were applied (one partition)
        String stranger = newPatient();
        publish(
                EventType.PHASE_COMPLETED,
                UUID.randomUUID().toString(),
                new PhaseCompleted(UUID.randomUUID(), CLINIC, stranger, 1, 95.0, 2, AT));
        ConsumerRecord<String, String> dead =
                KafkaRecords.find(
                                bootstrapServers,
                                Topics.EXERCISE_DEAD_LETTER,
                                r -> (CLINIC + ":" + stranger).equals(r.key()),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("unknown plan not dead-lettered"));
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("unknown-plan");

        assertThat(plan(planId.toString()).getInt("revision")).as("only the pause").isEqualTo(2);
    }

    @Test
    void lateProgressEventsAboutASupersededPlanChangeNeitherItNorTheCurrentPlan() {
        String patient = newPatient();
        UUID old = UUID.fromString(newPlan(bootstrapServers, patient, PostureLevel.PRONATED));
        publishClassified(
                bootstrapServers,
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                patient,
                PostureLevel.NEUTRAL);
        await().atMost(WAIT).until(() -> !awaitCurrentPlan(patient).equals(old.toString()));
        String current = awaitCurrentPlan(patient);

        publish(
                EventType.PHASE_COMPLETED,
                UUID.randomUUID().toString(),
                new PhaseCompleted(old, CLINIC, patient, 1, 95.0, 2, AT));
        publish(
                EventType.PAIN_RULE_BROKEN,
                UUID.randomUUID().toString(),
                new PainRuleBroken(
                        old, CLINIC, patient, PainRuleBroken.Rule.ABOVE_THRESHOLD, 7, 2, AT));
        awaitConsumed();

        JsonPath superseded = plan(old.toString());
        assertThat(superseded.getString("status")).isEqualTo("SUPERSEDED");
        assertThat(superseded.getInt("revision")).as("issued, superseded").isEqualTo(2);
        assertThat(superseded.getInt("currentPhase")).isEqualTo(1);
        JsonPath now = plan(current);
        assertThat(now.getInt("revision")).isEqualTo(1);
        assertThat(now.getInt("currentPhase")).isEqualTo(1);
        assertThat(queuedEvents(patient, EventType.PLAN_REVISED))
                .as("only the SUPERSEDED revision")
                .isEqualTo(1);
    }

    /**
     * Waits until the progress events published so far have been consumed: an event about an
     * unknown plan, published after them, is dead-lettered (test topics have one partition).
     */
    private void awaitConsumed() {
        String stranger = newPatient();
        publish(
                EventType.PHASE_COMPLETED,
                UUID.randomUUID().toString(),
                new PhaseCompleted(UUID.randomUUID(), CLINIC, stranger, 1, 95.0, 2, AT));
        KafkaRecords.find(
                        bootstrapServers,
                        Topics.EXERCISE_DEAD_LETTER,
                        r -> (CLINIC + ":" + stranger).equals(r.key()),
                        WAIT)
                .orElseThrow(() -> new AssertionError("unknown plan not dead-lettered"));
    }

    private JsonPath awaitRevision(UUID planId, int revision) {
        await().atMost(WAIT).until(() -> plan(planId.toString()).getInt("revision") >= revision);
        JsonPath plan = plan(planId.toString());
        assertThat(plan.getInt("revision")).isEqualTo(revision);
        return plan;
    }

    private void publish(EventType type, String id, PatientEvent payload) {
        CloudEventRecords.publish(
                bootstrapServers, type, id, "/footwork/progress-service", payload);
    }
}
