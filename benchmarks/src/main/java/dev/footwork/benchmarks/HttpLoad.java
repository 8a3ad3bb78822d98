package dev.footwork.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Closed-loop HTTP clients: each sends its next request when the last one is answered. */
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

    private HttpLoad() {}

    static Result run(int clients, Duration duration, Supplier<HttpRequest> requests)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread =
                    new Thread(
                            () -> {
                                while (System.nanoTime() < end) {
                                    HttpRequest request = requests.get();
                                    long sent = System.nanoTime();
                                    try {
                                        HttpResponse<Void> answer =
                                                CLIENT.send(
                                                        request,
                                                        HttpResponse.BodyHandlers.discarding());
                                        latencies.add(System.nanoTime() - sent);
                                        statuses.merge(answer.statusCode(), 1L, Long::sum);
                                    } catch (IOException e) {
                                        errors.incrementAndGet();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                            },
                            "http-client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(
                latencies.count() / seconds, latencies, Map.copyOf(statuses), errors.get());
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
