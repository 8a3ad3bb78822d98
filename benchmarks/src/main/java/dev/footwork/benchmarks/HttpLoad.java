package dev.footwork.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP clients ({@link #run}): each sends its next request when the last one is
 * answered, on a connection of its own ({@link HttpConnection}). {@link #CLIENT} (the JDK's client)
 * is for the open-loop sends, which need many requests in flight without a thread each.
 */
final class HttpLoad {

    static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    /** What a load measured: requests answered per second, their latencies and the statuses. */
    record Result(double perSecond, Latencies latencies, Map<Integer, Long> statuses, long errors) {

        String describe() {
            return String.format("%s req/s, %s", Figures.number(perSecond), latencies.summary())
                    + (statuses.keySet().stream().allMatch(s -> s < 300)
                            ? ""
                            : ", statuses " + statuses)
                    + (errors > 0 ? ", " + errors + " failed" : "");
        }

        /** Whether every answer was a success. */
        boolean clean() {
            return errors == 0 && statuses.keySet().stream().allMatch(s -> s < 300);
        }
    }

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private HttpLoad() {}

    /**
     * {@code clients} closed-loop clients, each a thread with a connection of its own, send the
     * requests for {@code warmUp} (not counted: JITs, connection pools and caches of both sides
     * warm up) and then for {@code window}, which is measured: answers per second, the latency of
     * each request from its first byte written to the last byte of its answer read, statuses. A
     * request still unanswered 30 s after the window is aborted and counted as failed.
     */
    static Result run(
            int clients,
            Duration warmUp,
            Duration window,
            Supplier<HttpConnection.Request> requests)
            throws InterruptedException {
        return run(clients, warmUp, window, requests, ANSWER_TIMEOUT);
    }

    static Result run(
            int clients,
            Duration warmUp,
            Duration window,
            Supplier<HttpConnection.Request> requests,
            Duration answerTimeout)
            throws InterruptedException {
        long began = System.nanoTime() + warmUp.toNanos();
        long end = began + window.toNanos();
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(requests, began, end);
            client.thread = new Thread(client, "http-client-" + i);
            client.thread.start();
            all.add(client);
        }
        Latencies latencies = new Latencies();
        Map<Integer, Long> statuses = new TreeMap<>();
        long errors = 0;
        long deadline = end + answerTimeout.toNanos();
        for (Client client : all) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            client.thread.join(Math.max(1, left));
            if (client.thread.isAlive()) {
                abort(client);
                client.thread.join();
            }
            latencies.addAll(client.latencies);
            client.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            errors += client.errors;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(latencies.count() / seconds, latencies, Map.copyOf(statuses), errors);
    }

    private static void abort(Client client) {
        try {
            client.connection.abort();
        } catch (IOException e) {
            // the socket is gone either way: its request fails in the client's thread
        }
    }

    /** One closed-loop client: the next request when the last one is answered. */
    private static final class Client implements Runnable {
        private final Supplier<HttpConnection.Request> requests;
        private final long began;
        private final long end;
        private final HttpConnection connection = new HttpConnection(Duration.ZERO);
        private final Latencies latencies = new Latencies();
        private final Map<Integer, Long> statuses = new HashMap<>();
        private long errors;
        private Thread thread;

        Client(Supplier<HttpConnection.Request> requests, long began, long end) {
            this.requests = requests;
            this.began = began;
            this.end = end;
        }

        @Override
        public void run() {
            try (connection) {
                while (System.nanoTime() < end) {
                    HttpConnection.Request request = requests.get();
                    long sent = System.nanoTime();
                    boolean counted = sent >= began;
                    try {
                        int status = connection.send(request).status();
                        if (counted) {
                            latencies.add(System.nanoTime() - sent);
                            statuses.merge(status, 1L, Long::sum);
                        }
                    } catch (IOException e) {
                        if (counted) {
                            errors++;
                        }
                    }
                }
            } catch (IOException e) {
                // closing a connection that failed: nothing left to measure on it
            }
        }
    }

    static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", bearer);
        }
        return builder;
    }

    static HttpRequest postJson(String url, String bearer, String body, String idempotencyKey) {
        return request(url, bearer)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
