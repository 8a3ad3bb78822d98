package dev.footwork.progress.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The use cases read the time from the service's one clock, never from the system's. */
@ServiceQuarkusTest
class ServiceClockTest {

    private static final String CLINIC = "clinic-a";
    private static final Instant AT = WorkedExample.ASSESSED_AT;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject TestClock clock;
    @Inject AgroalDataSource dataSource;

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void aPlanAndACompletionAreStoredAtTheClocksTime() throws SQLException {
        clock.stopAt(AT);
        ProgressEvents events = new ProgressEvents(bootstrapServers, CLINIC);
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        events.publish(
                events.completion(
                        plan,
                        patient,
                        WorkedExample.TOWEL_LEFT,
                        new Session(3, 12, 2, 1),
                        AT.minus(1, ChronoUnit.HOURS)));
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
                        r -> r.statusCode() == 200 && r.<Integer>path("completedSessions") == 1);

        assertThat(times("select updated_at from plan_view where plan_id = ?", plan))
                .containsExactly(AT);
        assertThat(times("select received_at from completion where plan_id = ?", plan))
                .containsExactly(AT);
        assertThat(
                        times(
                                "select updated_at from plan_progress where plan_id = ? union all"
                                        + " select evaluated_at from plan_progress where plan_id = ?",
                                plan))
                .containsExactly(AT, AT);
    }

    private List<Instant> times(String query, UUID plan) throws SQLException {
        List<Instant> times = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(query)) {
            for (int i = 1; i <= q.getParameterMetaData().getParameterCount(); i++) {
                q.setObject(i, plan);
            }
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    Timestamp time = rows.getTimestamp(1);
                    times.add(time == null ? null : time.toInstant());
                }
            }
        }
        return times;
    }
}
