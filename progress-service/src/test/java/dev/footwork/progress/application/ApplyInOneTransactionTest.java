package dev.footwork.progress.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.domain.WorkedExample.Logged;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.support.CountedStatements;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.support.tenancy.Tenancy;
import dev.footwork.testkit.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll's completions applied in one transaction, as the batch consumer does: the same results and
 * figures as one transaction each, and the statements a plan needs once per transaction, not once
 * per completion.
 */
@ServiceQuarkusTest
class ApplyInOneTransactionTest {

    private static final String CLINIC = "clinic-batch";
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final int PLANS = 4;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject TestClock clock;
    @Inject ApplyCompletion applyCompletion;
    @Inject @PersistenceUnitExtension CountedStatements counted;
    @Inject AgroalDataSource dataSource;

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void manyCompletionsInOneTransactionCountAsOneByOneWithStatementsPerPlan() throws Exception {
        clock.stopAt(AT);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        PlanContent content = WorkedExample.plan(PlanStatus.ACTIVE);
        List<Logged> sessions = new ArrayList<>(WorkedExample.everyScheduledSession(content, AT));
        sessions.addAll(WorkedExample.sessions());
        List<UUID> together = issue(events, content);
        List<UUID> apart = issue(events, content);

        List<ApplyCompletion.Command> poll = poll(together, sessions);
        List<ApplyCompletion.Result> inOne = new ArrayList<>();
        List<String> statements =
                counted.during(
                        () ->
                                Tenancy.transaction(CLINIC)
                                        .run(
                                                () ->
                                                        poll.forEach(
                                                                c ->
                                                                        inOne.add(
                                                                                applyCompletion
                                                                                        .handle(
                                                                                                c)))));
        List<ApplyCompletion.Result> oneByOne = new ArrayList<>();
        for (ApplyCompletion.Command command : poll(apart, sessions)) {
            oneByOne.add(Tenancy.transaction(CLINIC).call(() -> applyCompletion.handle(command)));
        }

        assertThat(inOne).isEqualTo(oneByOne).contains(ApplyCompletion.Result.ALREADY_STORED);
        for (int i = 0; i < PLANS; i++) {
            assertThat(figures(together.get(i))).isEqualTo(figures(apart.get(i))).isNotEmpty();
        }
        Set<String> rows = new HashSet<>();
        for (ApplyCompletion.Command c : poll) {
            rows.add(c.planId() + "/" + weekOf(c.completedAt()) + "/" + c.exercise());
        }
        // per completion its insert; per plan its lock, its plan, its notice and its row's update;
        // per week row touched its load and its update
        int bound = poll.size() + 4 * PLANS + 2 * rows.size();
        assertThat(statements.size())
                .as(
                        "statements for %d completions of %d plans (%d week rows) in one"
                                + " transaction: %s",
                        poll.size(), PLANS, rows.size(), statements)
                .isLessThanOrEqualTo(bound);
    }

    @Test
    void aPollAppliedTogetherCountsAsOneByOneReadingEachPlanTableOnce() throws Exception {
        clock.stopAt(AT);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        PlanContent content = WorkedExample.plan(PlanStatus.ACTIVE);
        List<Logged> sessions = new ArrayList<>(WorkedExample.everyScheduledSession(content, AT));
        sessions.addAll(WorkedExample.sessions());
        List<UUID> together = issue(events, content);
        List<UUID> apart = issue(events, content);

        List<ApplyCompletion.Command> poll = poll(together, sessions);
        List<ApplyCompletion.Result> inOne = new ArrayList<>();
        Map<String, Long> reads = new HashMap<>();
        Tenancy.transaction(CLINIC)
                .run(
                        () -> {
                            Map<String, Long> before = tableReadsNotFlushed();
                            inOne.addAll(applyCompletion.handleAll(poll));
                            tableReadsNotFlushed()
                                    .forEach(
                                            (table, n) ->
                                                    reads.put(
                                                            table,
                                                            n - before.getOrDefault(table, 0L)));
                        });
        List<ApplyCompletion.Result> oneByOne = new ArrayList<>();
        for (ApplyCompletion.Command command : poll(apart, sessions)) {
            oneByOne.add(Tenancy.transaction(CLINIC).call(() -> applyCompletion.handle(command)));
        }

        assertThat(inOne).isEqualTo(oneByOne).contains(ApplyCompletion.Result.ALREADY_STORED);
        for (int i = 0; i < PLANS; i++) {
            assertThat(figures(together.get(i))).isEqualTo(figures(apart.get(i))).isNotEmpty();
        }
        assertThat(reads)
                .as("scans per table for %d completions of %d plans", poll.size(), PLANS)
                .containsEntry("plan_view", 1L)
                .containsEntry("plan_progress", 1L);
    }

    /**
     * Sequential and index scans per table that this session started and has not yet reported to
     * the statistics: no report is made inside a transaction, so the difference of two readings in
     * one transaction is what it did between them.
     */
    private static Map<String, Long> tableReadsNotFlushed() {
        return Completion.getEntityManager()
                .unwrap(Session.class)
                .doReturningWork(
                        connection -> {
                            Map<String, Long> reads = new HashMap<>();
                            try (PreparedStatement q =
                                            connection.prepareStatement(
                                                    "select relname, coalesce(seq_scan, 0) +"
                                                            + " coalesce(idx_scan, 0) from"
                                                            + " pg_stat_xact_user_tables");
                                    ResultSet rows = q.executeQuery()) {
                                while (rows.next()) {
                                    reads.put(rows.getString(1), rows.getLong(2));
                                }
                            }
                            return reads;
                        });
    }

    /** Issues one plan per new patient and waits until each is known. */
    private List<UUID> issue(ProgressEvents events, PlanContent content) {
        List<UUID> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            String patient = ProgressEvents.newPatient();
            UUID plan = UUID.randomUUID();
            events.planIssued(plan, patient, content, AT.minus(20, ChronoUnit.DAYS));
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    given().header(
                                                    "Authorization",
                                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC))
                                            .get("/api/v1/patients/" + patient + "/progress")
                                            .statusCode(),
                            status -> status == 200);
            plans.add(plan);
        }
        return plans;
    }

    /** The sessions of every plan, interleaved as a poll of many plans brings them. */
    private List<ApplyCompletion.Command> poll(List<UUID> plans, List<Logged> sessions)
            throws SQLException {
        List<ApplyCompletion.Command> poll = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        for (UUID plan : plans) {
            patients.add(patientOf(plan));
        }
        for (Logged s : sessions) {
            for (int i = 0; i < plans.size(); i++) {
                poll.add(
                        new ApplyCompletion.Command(
                                UUID.randomUUID(),
                                plans.get(i),
                                1,
                                CLINIC,
                                patients.get(i),
                                s.exercise(),
                                s.session(),
                                s.at()));
            }
        }
        // the same session again, published under another event id
        poll.add(poll.get(3));
        return poll;
    }

    private static int weekOf(Instant at) {
        return (int)
                                ChronoUnit.DAYS.between(
                                        WorkedExample.STARTS_ON,
                                        at.atZone(ZoneOffset.UTC).toLocalDate())
                        / 7
                + 1;
    }

    private String patientOf(UUID plan) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select patient_ref from plan_view where clinic_id = ? and plan_id"
                                        + " = ?")) {
            q.setString(1, CLINIC);
            q.setObject(2, plan);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** The plan's weekly tallies and progress row, without its ids. */
    private List<String> figures(UUID plan) throws SQLException {
        List<String> figures = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "select concat_ws(' ', week, exercise_id, side, prescribed,"
                                        + " completed, total_reps, volume, pain_sum, pain_max,"
                                        + " pain_above) from progress_week where clinic_id = ?"
                                        + " and plan_id = ? union all select concat_ws(' ',"
                                        + " last_activity_at, updated_at, due_at) from"
                                        + " plan_progress where clinic_id = ? and plan_id = ?"
                                        + " union all select concat_ws(' ', week, count(*))"
                                        + " from completion where clinic_id = ? and plan_id = ?"
                                        + " group by week order by 1")) {
            for (int i = 0; i < 3; i++) {
                q.setString(2 * i + 1, CLINIC);
                q.setObject(2 * i + 2, plan);
            }
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    figures.add(rows.getString(1));
                }
            }
        }
        return figures;
    }
}
