package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.FootPlan;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.contracts.vocabulary.PlanContent.Prescription;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A completion counts only within its plan's weeks and for an exercise and foot the plan
 * prescribes; the worked example's plan runs 8 weeks from Monday 2 November 2026.
 */
@ServiceQuarkusTest
class CompletionBoundsTest {

    private static final String CLINIC = ProgressFlowTest.CLINIC;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final ExerciseSide TOWEL_RIGHT =
            new ExerciseSide(ExerciseId.TOWEL_GRAB, Side.RIGHT);
    private static final Session SESSION = new Session(3, 12, 2, 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject AgroalDataSource dataSource;

    private ProgressEvents events;

    @BeforeEach
    void events() {
        events = new ProgressEvents(bootstrapServers, CLINIC);
    }

    @Test
    void aCompletionFarBeyondItsPlansWeeksIsDeadLetteredAndAddsNoWeek() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        ExerciseCompleted beyond =
                events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, END_OF_TIME);
        events.publish(beyond);

        ConsumerRecord<String, String> dead = deadLetterOf(patient);
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("outside-plan");
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("9999-12-31")
                .contains("2026-11-01");
        // consumption goes on
        events.publish(events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, AT));
        awaitSessions(patient, 1);

        assertThat(weekRows(plan, "week > 8")).as("rows after the plan's 8 weeks").isZero();
        assertThat(state(beyond.completionId())).isEqualTo("absent");
        weeks(patient).then().body("weeks", hasSize(8));
    }

    @Test
    void aCompletionOfAnExerciseOrFootThePlanDoesNotPrescribeIsDeadLettered() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        // the plan has towel grab on the left foot only
        ExerciseCompleted wrongFoot = events.completion(plan, patient, TOWEL_RIGHT, SESSION, AT);
        events.publish(wrongFoot);

        ConsumerRecord<String, String> dead = deadLetterOf(patient);
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_CAUSE))
                .isEqualTo("not-prescribed");
        assertThat(KafkaRecords.header(dead, CloudEventAttributes.DEAD_LETTER_REASON))
                .contains("towel-grab")
                .contains("RIGHT");
        events.publish(events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, AT));
        awaitSessions(patient, 1);

        assertThat(weekRows(plan, "exercise_id = 'TOWEL_GRAB' and side = 'RIGHT'"))
                .as("rows of towel grab on the right foot")
                .isZero();
        assertThat(state(wrongFoot.completionId())).isEqualTo("absent");
    }

    @Test
    void completionsWaitingForThePlanAreCountedOnlyWithinIt() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        ExerciseCompleted beyond =
                events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, END_OF_TIME);
        ExerciseCompleted wrongFoot = events.completion(plan, patient, TOWEL_RIGHT, SESSION, AT);
        ExerciseCompleted fitting =
                events.completion(plan, patient, WorkedExample.TOWEL_LEFT, SESSION, AT);
        List.of(beyond, wrongFoot, fitting).forEach(events::publish);
        // all three stored, waiting for the plan, before it arrives
        await().atMost(WAIT).until(() -> completionsOf(plan) == 3);

        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));

        Response summary = awaitSessions(patient, 1);
        assertThat(summary.<String>path("lastActivityAt")).isEqualTo(AT.toString());
        assertThat(state(fitting.completionId())).isEqualTo("week 3");
        // marked: its plan refused it, it will never be counted
        assertThat(state(beyond.completionId())).isEqualTo("week 0");
        // not counted; a later revision that prescribes it would count it
        assertThat(state(wrongFoot.completionId())).isEqualTo("waiting");
        assertThat(completionsOf(plan)).isEqualTo(3);
        assertThat(weekRows(plan, "week > 8")).isZero();
        assertThat(weekRows(plan, "exercise_id = 'TOWEL_GRAB' and side = 'RIGHT'")).isZero();
        weeks(patient).then().body("weeks", hasSize(8));
    }

    @Test
    void aCompletionOfARevisionNotYetSeenWaitsForIt() throws Exception {
        String patient = ProgressEvents.newPatient();
        UUID plan = knownPlan(patient);
        ExerciseCompleted ofRevision2 =
                withRevision(events.completion(plan, patient, TOWEL_RIGHT, SESSION, AT), 2);
        events.publish(ofRevision2);
        await().atMost(WAIT).until(() -> completionsOf(plan) == 1);
        assertThat(state(ofRevision2.completionId())).isEqualTo("waiting");

        events.planRevised(plan, patient, 2, withTowelGrabOnTheRight(), AT.minusSeconds(3600));

        awaitSessions(patient, 1);
        assertThat(state(ofRevision2.completionId())).isEqualTo("week 3");
    }

    /** A plan issued and applied, as the worked example. */
    private UUID knownPlan(String patient) {
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        awaitSessions(patient, 0);
        return plan;
    }

    private static PlanContent withTowelGrabOnTheRight() {
        PlanContent plan = WorkedExample.plan(PlanStatus.ACTIVE);
        List<FootPlan> feet = new ArrayList<>();
        for (FootPlan foot : plan.feet()) {
            List<Prescription> prescriptions = new ArrayList<>(foot.prescriptions());
            if (foot.side() == Side.RIGHT) {
                prescriptions.add(
                        new Prescription(
                                ExerciseId.TOWEL_GRAB,
                                PlanContent.Role.SUPPORTING,
                                3,
                                12,
                                2,
                                null,
                                2));
            }
            feet.add(new FootPlan(foot.side(), foot.level(), foot.sessionDays(), prescriptions));
        }
        return new PlanContent(
                plan.status(),
                plan.startsOn(),
                plan.weeks(),
                plan.currentPhase(),
                plan.phases(),
                feet,
                plan.reassessmentDates());
    }

    private static ExerciseCompleted withRevision(ExerciseCompleted c, int revision) {
        return new ExerciseCompleted(
                c.completionId(),
                c.planId(),
                revision,
                c.clinicId(),
                c.patientRef(),
                c.exerciseId(),
                c.side(),
                c.sets(),
                c.reps(),
                c.holdSeconds(),
                c.bandColour(),
                c.pain(),
                c.completedAt());
    }

    private ConsumerRecord<String, String> deadLetterOf(String patient) {
        return KafkaRecords.find(
                        bootstrapServers,
                        Topics.PROGRESS_DEAD_LETTER,
                        r -> (CLINIC + ":" + patient).equals(r.key()),
                        WAIT)
                .orElseThrow(() -> new AssertionError("nothing dead-lettered"));
    }

    private long weekRows(UUID plan, String condition) throws Exception {
        return count("select count(*) from progress_week where plan_id = ? and " + condition, plan);
    }

    private long completionsOf(UUID plan) throws Exception {
        return count("select count(*) from completion where plan_id = ?", plan);
    }

    /** "absent", "waiting" (stored, not counted) or "week <n>" (counted in week n, 0: never). */
    private String state(UUID completion) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select week from completion where completion_id = ?")) {
            q.setObject(1, completion);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return "absent";
                }
                int week = row.getInt(1);
                return row.wasNull() ? "waiting" : "week " + week;
            }
        }
    }

    private long count(String sql, UUID plan) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, plan);
            try (ResultSet n = q.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }

    private static Response weeks(String patient) {
        return given().header("Authorization", DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                .get("/api/v1/patients/" + patient + "/progress/weeks");
    }

    private static Response awaitSessions(String patient, int sessions) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .then()
                                        .extract()
                                        .response(),
                        r ->
                                r.statusCode() == 200
                                        && r.<Integer>path("completedSessions") == sessions);
    }
}
