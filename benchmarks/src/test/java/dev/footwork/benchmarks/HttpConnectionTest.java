package dev.footwork.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's HTTP/1.1 client and its closed loop against a real HTTP server on localhost
 * (the JDK's), which frames bodies by Content-Length or chunks as a Quarkus service does.
 */
class HttpConnectionTest {

    private HttpServer server;
    private ExecutorService handlers;
    private String base;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newFixedThreadPool(8);
        server.setExecutor(handlers);
        server.createContext("/fixed", e -> answer(e, 200, "hello".getBytes(), false));
        server.createContext(
                "/chunked", e -> answer(e, 200, "0123456789".repeat(4_000).getBytes(), true));
        server.createContext("/empty", e -> answer(e, 204, null, false));
        server.createContext(
                "/missing",
                e -> {
                    e.getResponseHeaders().add("Content-Type", "application/problem+json");
                    answer(e, 404, "{\"status\":404}".getBytes(), false);
                });
        server.createContext(
                "/echo",
                e -> {
                    byte[] body = e.getRequestBody().readAllBytes();
                    String seen =
                            e.getRequestMethod()
                                    + " "
                                    + e.getRequestURI()
                                    + " "
                                    + e.getRequestHeaders().getFirst("Content-Type")
                                    + " "
                                    + e.getRequestHeaders().getFirst("Idempotency-Key")
                                    + " "
                                    + e.getRequestHeaders().getFirst("Authorization")
                                    + " "
                                    + new String(body, StandardCharsets.UTF_8);
                    answer(e, 201, seen.getBytes(StandardCharsets.UTF_8), false);
                });
        server.createContext(
                "/silent",
                e -> {
                    clientPorts.add(e.getRemoteAddress().getPort());
                    try {
                        release.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    e.close();
                });
        server.createContext(
                "/closing",
                e -> {
                    e.getResponseHeaders().add("Connection", "close");
                    answer(e, 200, "bye".getBytes(), false);
                });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, byte[] body, boolean chunked)
            throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getRequestBody().readAllBytes();
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void successiveRequestsShareOneConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection()) {
            for (int i = 0; i < 5; i++) {
                HttpConnection.Response answer =
                        connection.send(HttpConnection.Request.get(base + "/fixed", null));
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.text()).isEqualTo("hello");
            }
        }

        assertThat(clientPorts).as("client ports the server saw").hasSize(1);
    }

    @Test
    void readsChunkedBodiesLargerThanItsBufferAndTheNextAnswerAfterThem() throws IOException {
        try (HttpConnection connection = new HttpConnection()) {
            HttpConnection.Response chunked =
                    connection.send(HttpConnection.Request.get(base + "/chunked?n=1", null));
            HttpConnection.Response next =
                    connection.send(HttpConnection.Request.get(base + "/fixed", null));

            assertThat(chunked.headers()).containsEntry("transfer-encoding", "chunked");
            assertThat(chunked.text()).isEqualTo("0123456789".repeat(4_000));
            assertThat(next.text()).isEqualTo("hello");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void statusesWithAndWithoutBodies() throws IOException {
        try (HttpConnection connection = new HttpConnection()) {
            HttpConnection.Response empty =
                    connection.send(HttpConnection.Request.get(base + "/empty", null));
            HttpConnection.Response missing =
                    connection.send(HttpConnection.Request.get(base + "/missing", null));

            assertThat(empty.status()).isEqualTo(204);
            assertThat(empty.body()).isEmpty();
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.headers()).containsEntry("content-type", "application/problem+json");
            assertThat(missing.text()).isEqualTo("{\"status\":404}");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void postsAJsonBodyWithItsHeaders() throws IOException {
        try (HttpConnection connection = new HttpConnection()) {
            HttpConnection.Response answer =
                    connection.send(
                            HttpConnection.Request.postJson(
                                    base + "/echo/a?b=c", "Bearer t0k", "{\"é\":1}", "key-1"));

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.text())
                    .isEqualTo("POST /echo/a?b=c application/json key-1 Bearer t0k {\"é\":1}");
        }
    }

    @Test
    void connectsAgainAfterTheServerClosedTheConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection()) {
            assertThat(connection.send(HttpConnection.Request.get(base + "/closing", null)).text())
                    .isEqualTo("bye");
            assertThat(connection.send(HttpConnection.Request.get(base + "/fixed", null)).text())
                    .isEqualTo("hello");
        }

        assertThat(clientPorts).as("client ports the server saw").hasSize(2);
    }

    @Test
    void eachClosedLoopClientKeepsItsConnectionAndHasOneRequestInFlight()
            throws InterruptedException {
        HttpLoad.Result result =
                HttpLoad.run(
                        4,
                        Duration.ofMillis(200),
                        Duration.ofMillis(500),
                        () -> HttpConnection.Request.get(base + "/fixed", "Bearer x"));

        assertThat(result.clean()).isTrue();
        assertThat(result.statuses()).containsOnlyKeys(200);
        assertThat(result.statuses().get(200)).isEqualTo((long) result.latencies().count());
        assertThat(result.latencies().count()).isPositive();
        assertThat(clientPorts).as("connections").hasSize(4);
        assertThat(mostInFlight.get()).as("requests in flight at once").isLessThanOrEqualTo(4);
    }

    @Test
    void answersOtherThanSuccessAreCountedByStatus() throws InterruptedException {
        HttpLoad.Result result =
                HttpLoad.run(
                        2,
                        Duration.ZERO,
                        Duration.ofMillis(300),
                        () -> HttpConnection.Request.get(base + "/missing", null));

        assertThat(result.clean()).isFalse();
        assertThat(result.statuses()).containsOnlyKeys(404);
        assertThat(result.describe()).contains("statuses {404=");
    }

    @Test
    void aRequestStillUnansweredAfterTheWindowIsAbortedAndCountedAsFailed()
            throws InterruptedException {
        long began = System.nanoTime();

        HttpLoad.Result result =
                HttpLoad.run(
                        2,
                        Duration.ZERO,
                        Duration.ofMillis(100),
                        () -> HttpConnection.Request.get(base + "/silent", null),
                        Duration.ofMillis(300));

        assertThat(result.errors()).isEqualTo(2);
        assertThat(result.latencies().count()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aReadTimeoutEndsAWaitForAnAnswer() throws IOException {
        try (HttpConnection connection = new HttpConnection(Duration.ofMillis(200))) {
            assertThatThrownBy(
                            () ->
                                    connection.send(
                                            HttpConnection.Request.get(base + "/silent", null)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refusedConnectionsAreCountedAsFailures() throws InterruptedException {
        server.stop(0);

        HttpLoad.Result result =
                HttpLoad.run(
                        1,
                        Duration.ZERO,
                        Duration.ofMillis(100),
                        () -> HttpConnection.Request.get(base + "/fixed", null));

        assertThat(result.errors()).isPositive();
        assertThat(result.latencies().count()).isZero();
        assertThat(Map.copyOf(result.statuses())).isEmpty();
    }
}
