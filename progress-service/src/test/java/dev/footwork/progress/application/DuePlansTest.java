package dev.footwork.progress.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.domain.WorkedExample.Logged;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.DevTokens;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation pass takes only the plans that are due: a plan is evaluated again when time alone
 * can change its figures or when a completion or revision changed them, never because a minute went
 * by; replicas' passes share the due plans, and a claim that was never evaluated expires.
 */
@ServiceQuarkusTest
class DuePlansTest {

    private static final String CLINIC = "clinic-due";
    private static final Instant AT = WorkedExample.ASSESSED_AT;

    /** The next change of the worked example at AT: Friday 20 November, a scheduled day. */
    private static final Instant FRIDAY = Instant.parse("2026-11-20T00:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject TestClock clock;
    @Inject EvaluatePlans evaluator;
    @Inject AgroalDataSource dataSource;

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void aPlanIsEvaluatedAgainOnlyWhenTimeOrAnEventCanHaveChangedIt() throws SQLException {
        clock.stopAt(AT);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String busy = ProgressEvents.newPatient();
        String idle = ProgressEvents.newPatient();
        UUID busyPlan = UUID.randomUUID();
        UUID idlePlan = UUID.randomUUID();
        events.planIssued(
                busyPlan,
                busy,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        events.planIssued(
                idlePlan,
                idle,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        for (Logged s : WorkedExample.sessions()) {
            events.publish(events.completion(busyPlan, busy, s.exercise(), s.session(), s.at()));
        }
        awaitSessions(busy, 17);
        awaitSessions(idle, 0);

        evaluator.evaluateDue(AT);
        assertThat(evaluatedAt(busyPlan)).isEqualTo(AT);
        assertThat(evaluatedAt(idlePlan)).isEqualTo(AT);

        // a minute later nothing can have changed either plan's figures
        evaluator.evaluateDue(AT.plusSeconds(60));
        assertThat(evaluatedAt(busyPlan)).as("busy plan, a minute later").isEqualTo(AT);
        assertThat(evaluatedAt(idlePlan)).as("idle plan, a minute later").isEqualTo(AT);
        assertThat(evaluator.evaluateDue(AT.plusSeconds(120)).plans()).isZero();

        // a completion makes its plan due at once; the other plan waits for its next change
        ExerciseCompleted more =
                events.completion(
                        busyPlan,
                        busy,
                        WorkedExample.HEEL_RIGHT,
                        new Session(3, 12, 2, 1),
                        AT.minus(1, ChronoUnit.HOURS));
        events.publish(more);
        awaitSessions(busy, 18);
        evaluator.evaluateDue(AT.plusSeconds(180));
        assertThat(evaluatedAt(busyPlan)).isEqualTo(AT.plusSeconds(180));
        assertThat(evaluatedAt(idlePlan)).isEqualTo(AT);

        // at its next change (a scheduled day) each plan is due again
        evaluator.evaluateDue(FRIDAY);
        assertThat(evaluatedAt(busyPlan)).isEqualTo(FRIDAY);
        assertThat(evaluatedAt(idlePlan)).isEqualTo(FRIDAY);
    }

    @Test
    void replicasShareTheDuePlansAndAnAbandonedClaimExpires() throws Exception {
        Instant at = Instant.parse("2026-11-25T12:00:00Z");
        clock.stopAt(at);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        UUID[] plans = new UUID[6];
        for (int i = 0; i < plans.length; i++) {
            String patient = ProgressEvents.newPatient();
            plans[i] = UUID.randomUUID();
            events.planIssued(
                    plans[i],
                    patient,
                    WorkedExample.plan(PlanStatus.ACTIVE),
                    at.minus(20, ChronoUnit.DAYS));
            awaitSessions(patient, 0);
        }
        int due = dueBy(at);
        assertThat(due).isGreaterThanOrEqualTo(plans.length);

        // two replicas' passes at once: each due plan is evaluated by one of them
        CompletableFuture<EvaluatePlans.Pass> one =
                CompletableFuture.supplyAsync(() -> evaluator.evaluateDue(at));
        CompletableFuture<EvaluatePlans.Pass> two =
                CompletableFuture.supplyAsync(() -> evaluator.evaluateDue(at));
        int evaluated =
                one.get(60, TimeUnit.SECONDS).plans() + two.get(60, TimeUnit.SECONDS).plans();
        assertThat(evaluated).isEqualTo(due);
        assertThat(dueBy(at)).isZero();

        // a replica claims a plan and stops before evaluating it: due again when the lease ends
        UUID plan = UUID.randomUUID();
        String patient = ProgressEvents.newPatient();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                at.minus(20, ChronoUnit.DAYS));
        awaitSessions(patient, 0);
        Instant later = at.plusSeconds(60);
        Tenancy.transaction(Tenancy.NO_CLINIC)
                .call(() -> PlanProgress.claimDue(later, later.plus(Duration.ofMinutes(5)), 1000));
        assertThat(evaluator.evaluateDue(later).plans()).isZero();
        assertThat(evaluatedAt(plan)).isEqualTo(at);
        Instant afterTheLease = later.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(evaluator.evaluateDue(afterTheLease).plans()).isPositive();
        assertThat(evaluatedAt(plan)).isEqualTo(afterTheLease);
    }

    @Test
    void aClinicsDuePlansAreEvaluatedInOneTransaction() throws Exception {
        Instant at = Instant.parse("2026-11-26T12:00:00Z");
        clock.stopAt(at);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        UUID[] plans = new UUID[5];
        for (int i = 0; i < plans.length; i++) {
            String patient = ProgressEvents.newPatient();
            plans[i] = UUID.randomUUID();
            events.planIssued(
                    plans[i],
                    patient,
                    WorkedExample.plan(PlanStatus.ACTIVE),
                    at.minus(20, ChronoUnit.DAYS));
            awaitSessions(patient, 0);
        }

        assertThat(evaluator.evaluateDue(at).plans()).isGreaterThanOrEqualTo(plans.length);

        for (UUID plan : plans) {
            assertThat(evaluatedAt(plan)).isEqualTo(at);
        }
        // rows written by one transaction carry its id as xmin
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select count(distinct xmin::text) from plan_progress"
                                        + " where clinic_id = ? and plan_id = any(?)")) {
            q.setString(1, CLINIC);
            q.setArray(2, c.createArrayOf("uuid", plans));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("transactions that evaluated the 5 plans")
                        .isEqualTo(1);
            }
        }
    }

    private void awaitSessions(String patient, int sessions) {
        await().atMost(Duration.ofSeconds(30))
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

    private Instant evaluatedAt(UUID plan) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select evaluated_at from plan_progress where clinic_id = ? and"
                                        + " plan_id = ?")) {
            q.setString(1, CLINIC);
            q.setObject(2, plan);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).as("progress row of " + plan).isTrue();
                Timestamp time = rows.getTimestamp(1);
                return time == null ? null : time.toInstant();
            }
        }
    }

    private int dueBy(Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select count(*) from plan_progress where due_at <= ?")) {
            q.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
