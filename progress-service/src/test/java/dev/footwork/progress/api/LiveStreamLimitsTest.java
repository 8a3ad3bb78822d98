package dev.footwork.progress.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.AuditTrail;
import dev.footwork.progress.support.LiveStream;
import dev.footwork.progress.support.Metrics;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The live stream's limits, through a real HTTP client against the running service: a stream that
 * fails leaves no follower behind, a stream ends when its token expires, and a clinic may have at
 * most {@code footwork.progress.max-streams-per-clinic} (100) open at once.
 */
@ServiceQuarkusTest
class LiveStreamLimitsTest {

    private static final String OPEN_STREAMS = "footwork_progress_streams";
    private static final String STREAM = "/api/v1/patients/{patientRef}/progress/stream";
    private static final int MAX_PER_CLINIC = 100;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aStreamThatFailsLeavesNoFollowerBehind() throws Exception {
        String clinic = AuditTrail.newClinic();
        String doctor = DevTokens.bearer(Roles.CLINICIAN, clinic);

        try (LiveStream unknown = LiveStream.open(base, ProgressEvents.newPatient(), doctor)) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
        }

        // before: the 404 left a follower that kept every later change of the patient forever
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(Metrics.value(OPEN_STREAMS))
                                        .as("followers registered")
                                        .isZero());
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String clinic = AuditTrail.newClinic();
        String patient = patientWithAPlan(clinic);
        Instant issued = Instant.now();
        Duration lifetime = Duration.ofSeconds(4);
        Instant expires = Instant.ofEpochSecond(issued.plus(lifetime).getEpochSecond());
        String shortLived =
                DevTokens.shared()
                        .token(Roles.CLINICIAN, clinic)
                        .valid(issued, lifetime)
                        .subject("dr-short")
                        .bearer();

        try (LiveStream stream = LiveStream.open(base, patient, shortLived)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextEvent(WAIT)).as("the current summary").contains(patient);

            await().atMost(WAIT).until(stream::endedByServer);
            assertThat(Instant.now()).as("ended at expiry").isAfterOrEqualTo(expires);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(Metrics.value(OPEN_STREAMS)).isZero());
        // the end is handed to the audit writer without waiting
        List<Map<String, Object>> trail =
                await().atMost(WAIT)
                        .until(
                                () -> AuditTrail.entries(clinic, patient, STREAM),
                                t -> t.size() >= 2);
        assertThat(trail)
                .extracting(e -> e.get("action"), e -> e.get("actor"))
                .as("who followed the patient, newest first")
                .containsExactly(tuple("FOLLOW_END", "dr-short"), tuple("FOLLOW", "dr-short"));
        assertThat(Instant.parse((String) trail.get(0).get("occurredAt")))
                .isAfterOrEqualTo(expires);
    }

    @Test
    void aClinicMayHaveOnlyItsBoundOfStreamsOpen() throws Exception {
        String clinic = AuditTrail.newClinic();
        String patient = patientWithAPlan(clinic);
        String elsewhere = AuditTrail.newClinic();
        String theirPatient = patientWithAPlan(elsewhere);
        String doctor = DevTokens.bearer(Roles.CLINICIAN, clinic);
        List<LiveStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_CLINIC; i++) {
                LiveStream stream = LiveStream.open(base, patient, doctor);
                open.add(stream);
                assertThat(stream.status()).as("stream %d", i + 1).isEqualTo(200);
            }

            try (LiveStream oneTooMany = LiveStream.open(base, patient, doctor)) {
                assertThat(oneTooMany.status()).as("stream %d", MAX_PER_CLINIC + 1).isEqualTo(429);
                assertThat(oneTooMany.contentType()).startsWith("application/problem+json");
                assertThat(oneTooMany.body()).contains("Too Many Requests");
            }
            assertThat(Metrics.value("footwork_progress_streams_busiest_clinic"))
                    .isEqualTo(MAX_PER_CLINIC);
            assertThat(Metrics.value("footwork_progress_streams_refused_total"))
                    .isGreaterThanOrEqualTo(1);
            try (LiveStream otherClinic =
                    LiveStream.open(
                            base, theirPatient, DevTokens.bearer(Roles.CLINICIAN, elsewhere))) {
                assertThat(otherClinic.status()).as("another clinic's stream").isEqualTo(200);
            }

            open.remove(0).close();
            LiveStream again =
                    await().atMost(WAIT)
                            .until(
                                    () -> LiveStream.open(base, patient, doctor),
                                    stream -> {
                                        if (stream.status() == 200) {
                                            return true;
                                        }
                                        stream.close();
                                        return false;
                                    });
            open.add(again);
        } finally {
            open.forEach(LiveStream::close);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(Metrics.value(OPEN_STREAMS)).isZero());
    }

    /** A patient of the clinic whose plan this service knows, so its stream opens. */
    private String patientWithAPlan(String clinic) {
        String patient = ProgressEvents.newPatient();
        new ProgressEvents(bootstrapServers, clinic)
                .planIssued(
                        UUID.randomUUID(),
                        patient,
                        WorkedExample.plan(PlanStatus.ACTIVE),
                        Instant.now());
        await().atMost(WAIT)
                .until(
                        () ->
                                given().header(
                                                "Authorization",
                                                DevTokens.bearer(Roles.CLINICIAN, clinic))
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .statusCode(),
                        status -> status == 200);
        return patient;
    }
}
