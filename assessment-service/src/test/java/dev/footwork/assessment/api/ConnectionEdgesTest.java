package dev.footwork.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What arrives at the edge of the HTTP server rather than at an endpoint: bodies above the hard cap
 * ({@code quarkus.http.limits.max-body-size}, 1M), which Vert.x refused with a bare 413, and a
 * client that hangs up halfway through its body, which was logged as a server error.
 */
@ServiceQuarkusTest
class ConnectionEdgesTest {

    private static final String CLINIC = "clinic-edges";
    private static final int HARD_CAP = 1024 * 1024;
    private static final int TIMEOUT_MS = 20_000;
    private static final String PROBLEM_MAPPERS = "dev.footwork.support.api.ProblemMappers";

    @TestHTTPResource("/")
    URL server;

    @Inject ObjectMapper mapper;

    @Inject Vertx vertx;

    private final Logger problemMappers = Logger.getLogger(PROBLEM_MAPPERS);
    private final Logger root = Logger.getLogger("");
    private final Records records = new Records();
    private Level level;

    @BeforeEach
    void readTheLog() {
        level = problemMappers.getLevel();
        problemMappers.setLevel(Level.FINE);
        root.addHandler(records);
    }

    @AfterEach
    void stopReadingTheLog() {
        root.removeHandler(records);
        problemMappers.setLevel(level);
    }

    @Test
    void aDeclaredBodyAboveTheHardCapIsRefusedWithAProblemDetail() throws Exception {
        try (Socket socket = connect()) {
            // only the head: the length alone is refused, the body is never read
            socket.getOutputStream()
                    .write(
                            RawHttp.head(
                                    "POST",
                                    "/api/v1/assessments",
                                    Map.of(
                                            "Authorization",
                                            DevTokens.bearer(Roles.CLINICIAN, CLINIC),
                                            "Content-Type",
                                            "application/json",
                                            "Content-Length",
                                            String.valueOf(2 * HARD_CAP))));
            socket.getOutputStream().flush();

            assertIsContentTooLarge(RawHttp.Answer.read(socket.getInputStream()));
        }
        assertNoErrorIsLogged();
    }

    @Test
    void aChunkedBodyAboveTheHardCapIsRefusedWithAProblemDetail() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    RawHttp.head(
                            "POST",
                            "/api/v1/assessments",
                            Map.of(
                                    "Authorization",
                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC),
                                    "Content-Type",
                                    "application/json",
                                    "Transfer-Encoding",
                                    "chunked")));
            byte[] notes = new byte[64 * 1024];
            Arrays.fill(notes, (byte) 'n');
            // sent while the answer is read: the server answers once the body outgrows the cap
            CompletableFuture<Void> sending =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    out.write(
                                            RawHttp.chunk(
                                                    "{\"notes\":\""
                                                            .getBytes(StandardCharsets.US_ASCII)));
                                    for (int sent = 0; sent <= 2 * HARD_CAP; sent += notes.length) {
                                        out.write(RawHttp.chunk(notes));
                                    }
                                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                } catch (IOException closedByTheServer) {
                                    // the server closes the connection after its answer
                                }
                            });

            assertIsContentTooLarge(RawHttp.Answer.read(socket.getInputStream()));
            sending.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        // the connection closes under a body still arriving: the client's doing, no error
        assertNoErrorIsLogged();
    }

    @Test
    void aChunkedBodyWithinTheHardCapIsReadAsAnyOther() throws Exception {
        String patient = "e-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body =
                AssessmentResourceTest.assessment(patient, "2026-11-20T09:30:00Z")
                        .getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    RawHttp.head(
                            "POST",
                            "/api/v1/assessments",
                            Map.of(
                                    "Authorization",
                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC),
                                    "Content-Type",
                                    "application/json",
                                    "Transfer-Encoding",
                                    "chunked")));
            out.write(RawHttp.chunk(Arrays.copyOfRange(body, 0, half)));
            out.write(RawHttp.chunk(Arrays.copyOfRange(body, half, body.length)));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawHttp.Answer answer = RawHttp.Answer.read(socket.getInputStream());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(mapper.readTree(answer.body()).get("patientRef").asText())
                    .isEqualTo(patient);
        }
    }

    /**
     * Over HTTP/2 the refusals above cannot be sent as they are (a {@code Connection} header is
     * illegal there, and Quarkus's own 413 of a body without a length is bare), so the service
     * speaks HTTP/1.1 only, as the gateway in front of it does: a client that opens HTTP/2 with
     * prior knowledge gets no answer at all, and every 413 is one of the problem details above.
     */
    @Test
    void theServiceDoesNotSpeakHttp2SoNoRefusalEscapesAsABare413() throws Exception {
        HttpClient client =
                vertx.createHttpClient(
                        new HttpClientOptions()
                                .setProtocolVersion(HttpVersion.HTTP_2)
                                .setHttp2ClearTextUpgrade(false));
        try {
            CompletableFuture<Integer> status =
                    client.request(
                                    HttpMethod.GET,
                                    server.getPort(),
                                    server.getHost(),
                                    "/q/health/live")
                            .compose(request -> request.send())
                            .map(answer -> answer.statusCode())
                            .toCompletionStage()
                            .toCompletableFuture();

            assertThatThrownBy(() -> status.get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .as("an HTTP/2 request with prior knowledge")
                    .isInstanceOf(ExecutionException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void aClientThatHangsUpMidBodyIsNoServerError() {
        // another client hangs up each round, until one's request has reached the mappers
        await().atMost(Duration.ofMillis(TIMEOUT_MS))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> {
                            hangUpMidBody();
                            return records.from(PROBLEM_MAPPERS);
                        },
                        not(empty()));
        assertNoErrorIsLogged();
        assertThat(records.from(PROBLEM_MAPPERS))
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("DEBUG ")
                                        .contains("/api/v1/assessments")
                                        .contains("closed the connection"));
    }

    /** No ERROR line of the mappers, nor any caused by a closed connection, then or a second on. */
    private void assertNoErrorIsLogged() {
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(records::errors, empty());
    }

    /** Sends the head and half the body of an assessment, then closes the connection. */
    private void hangUpMidBody() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    RawHttp.head(
                            "POST",
                            "/api/v1/assessments",
                            Map.of(
                                    "Authorization",
                                    DevTokens.bearer(Roles.CLINICIAN, CLINIC),
                                    "Content-Type",
                                    "application/json",
                                    "Content-Length",
                                    "40000")));
            byte[] half = new byte[20_000];
            Arrays.fill(half, (byte) 'n');
            byte[] start = "{\"notes\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(start, 0, half, 0, start.length);
            out.write(half);
            out.flush();
        }
    }

    private void assertIsContentTooLarge(RawHttp.Answer answer) throws IOException {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = mapper.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asText()).isEqualTo("Content Too Large");
        assertThat(problem.get("detail").asText()).contains("65536");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/assessments");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    /** The log lines of the service while a test runs, read as {@code LEVEL logger: message}. */
    private static final class Records extends Handler {

        private final List<Line> lines = new CopyOnWriteArrayList<>();

        private record Line(String logger, Level level, String text, Throwable thrown) {}

        @Override
        public void publish(LogRecord record) {
            String text =
                    record instanceof ExtLogRecord ext
                            ? ext.getFormattedMessage()
                            : record.getMessage();
            lines.add(
                    new Line(record.getLoggerName(), record.getLevel(), text, record.getThrown()));
        }

        List<String> from(String logger) {
            return lines.stream()
                    .filter(line -> logger.equals(line.logger()))
                    .map(Records::describe)
                    .toList();
        }

        /** ERROR lines of ProblemMappers, and any ERROR line caused by a closed connection. */
        List<String> errors() {
            return lines.stream()
                    .filter(line -> line.level().intValue() >= Level.SEVERE.intValue())
                    .filter(
                            line ->
                                    PROBLEM_MAPPERS.equals(line.logger())
                                            || closedConnection(line.thrown()))
                    .map(Records::describe)
                    .toList();
        }

        private static boolean closedConnection(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                    return true;
                }
            }
            return false;
        }

        private static String describe(Line line) {
            return line.level().getName()
                    + " "
                    + line.logger()
                    + ": "
                    + line.text()
                    + (line.thrown() == null ? "" : " (" + line.thrown() + ")");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
