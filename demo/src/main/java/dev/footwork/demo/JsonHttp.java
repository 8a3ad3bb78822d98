package dev.footwork.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * JSON requests to the services with one caller's bearer token. Each request that changes something
 * is printed with its answer's status and what was sent, so the reader can repeat it.
 */
final class JsonHttp {
    private static final Duration EVENTUAL = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    /** An answer as it came, before it is read as a type. */
    record Answer(String method, URI uri, int status, String contentType, String body) {}

    private final HttpClient http;
    private final ObjectMapper json;
    private final String token;

    private JsonHttp(HttpClient http, ObjectMapper json, String token) {
        this.http = http;
        this.json = json;
        this.token = token;
    }

    static JsonHttp of(ObjectMapper json, String token) {
        return new JsonHttp(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                json,
                token);
    }

    /** The same client for another caller. */
    JsonHttp as(String otherToken) {
        return new JsonHttp(http, json, otherToken);
    }

    Answer get(String url) {
        return send(request(url).GET().build(), null);
    }

    /** GETs the URL and reads the answer as {@code type}; any status but {@code status} fails. */
    <T> T get(String url, int status, Class<T> type) {
        return expect(get(url), status, type);
    }

    /** POSTs the body and reads the answer as {@code type}; any status but {@code status} fails. */
    <T> T post(String url, Object body, int status, Class<T> type) {
        return expect(post(url, body), status, type);
    }

    Answer post(String url, Object body) {
        String sent = write(body);
        return send(
                request(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(sent))
                        .build(),
                sent);
    }

    private <T> T expect(Answer answer, int status, Class<T> type) {
        if (answer.status() != status) {
            throw new DemoFailure(
                    "expected HTTP %d from %s %s, got %d:%n%s"
                            .formatted(
                                    status,
                                    answer.method(),
                                    answer.uri(),
                                    answer.status(),
                                    answer.body().isBlank() ? "(empty body)" : answer.body()));
        }
        return read(answer, type);
    }

    /**
     * GETs the URL every {@link #POLL} until a 200 answer satisfies {@code done}; 404 is "not yet",
     * others fail. The attempts run on a scheduler; the caller waits for the outcome.
     */
    <T> T poll(String url, Class<T> type, Predicate<T> done) throws InterruptedException {
        System.out.printf("   GET %s until it is there (up to %d s)%n", url, EVENTUAL.toSeconds());
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.scheduleWithFixedDelay(
                    () -> attempt(url, type, done, deadline, outcome),
                    0,
                    POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
            return outcome.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoFailure failure
                    ? failure
                    : new DemoFailure("polling " + url + " failed: " + e.getCause());
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** One GET of a poll: completes {@code outcome} when done, failed or out of time. */
    private <T> void attempt(
            String url,
            Class<T> type,
            Predicate<T> done,
            long deadline,
            CompletableFuture<T> outcome) {
        try {
            Answer last = get(url);
            if (last.status() == 200) {
                T value = read(last, type);
                if (done.test(value)) {
                    outcome.complete(value);
                    return;
                }
            } else if (last.status() != 404) {
                throw new DemoFailure(
                        "GET %s answered %d:%n%s".formatted(url, last.status(), last.body()));
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure(
                        "not there after %d s; the last answer was %d:%n%s"
                                .formatted(EVENTUAL.toSeconds(), last.status(), last.body()));
            }
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    <T> T read(Answer answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new DemoFailure(
                    "%s %s answered %d with a body that is not the JSON expected (%s):%n%s"
                            .formatted(
                                    answer.method(),
                                    answer.uri(),
                                    answer.status(),
                                    e.getOriginalMessage(),
                                    answer.body()));
        }
    }

    /** The answer read as {@code type}, or empty when its body is not that. */
    <T> Optional<T> readIfAble(Answer answer, Class<T> type) {
        try {
            return Optional.of(json.readValue(answer.body(), type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
    }

    private Answer send(HttpRequest request, String sent) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new DemoFailure(
                    "cannot reach %s (is it running? deploy/local/footwork status)"
                            .formatted(request.uri()));
        } catch (IOException e) {
            throw new DemoFailure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
        if (sent != null) {
            System.out.printf(
                    "   %s %s -> %d (%s)%n     sent %s%n",
                    request.method(),
                    request.uri(),
                    response.statusCode(),
                    Demo.since(started),
                    sent);
        }
        return new Answer(
                request.method(),
                request.uri(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
