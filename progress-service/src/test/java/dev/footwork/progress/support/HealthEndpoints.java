package dev.footwork.progress.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks the service under test's {@code /q/health/ready} and {@code /q/health/live}, and fails when
 * one takes a second or more to answer: health must answer at once, whatever is down.
 */
public final class HealthEndpoints {

    /** One answer, and how long it took. */
    public record Answer(int status, Duration took, String body) {}

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final URI readiness;
    private final URI liveness;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The endpoints of the service at {@code base} (its URL, ending in a slash or not). */
    public HealthEndpoints(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        this.readiness = URI.create(root + "/q/health/ready");
        this.liveness = URI.create(root + "/q/health/live");
    }

    public Answer readiness() {
        return answer(readiness);
    }

    public Answer liveness() {
        return answer(liveness);
    }

    /** Polls readiness until it has this status; returns the first answer that had it. */
    public Answer awaitReadiness(int status) {
        return await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .atMost(WAIT)
                .until(this::readiness, answer -> answer.status() == status);
    }

    /**
     * Checks every 250 ms for {@code period} that liveness says UP and readiness has {@code
     * readyStatus} (not checked when null).
     */
    public void holdThrough(Duration period, Integer readyStatus) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .during(period)
                .atMost(period.plusSeconds(10))
                .until(
                        () -> {
                            Answer live = liveness();
                            assertThat(live.status()).as("liveness: " + live.body()).isEqualTo(200);
                            if (readyStatus != null) {
                                Answer ready = readiness();
                                assertThat(ready.status())
                                        .as("readiness: " + ready.body())
                                        .isEqualTo(readyStatus);
                            }
                            return true;
                        });
    }

    private Answer answer(URI endpoint) {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            HttpRequest.newBuilder(endpoint).timeout(ANSWER_WITHIN).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(
                    endpoint.getPath() + " did not answer within " + ANSWER_WITHIN);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking " + endpoint, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as(endpoint.getPath() + " answer time").isLessThan(ANSWER_WITHIN);
        return new Answer(response.statusCode(), took, response.body());
    }
}
