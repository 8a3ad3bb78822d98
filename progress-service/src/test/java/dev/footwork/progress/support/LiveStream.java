package dev.footwork.progress.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A patient's live progress stream as a real HTTP client opens it: its answer, then its events,
 * read on a thread of its own until the server ends the stream or the test closes it.
 */
public final class LiveStream implements AutoCloseable {

    // HTTP/1.1: one connection per stream, as browsers' fetch() streams have (HTTP/2 would put
    // them all on one connection, limited to the server's 100 concurrent streams)
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final String body;
    private volatile boolean endedByServer;

    private LiveStream(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() == 200) {
            body = null;
            Thread reader = new Thread(this::read, "live-stream-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Opens {@code GET /api/v1/patients/{patient}/progress/stream} with the bearer given. */
    public static LiveStream open(URI base, String patient, String bearer) {
        try {
            return new LiveStream(
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            base.resolve(
                                                    "/api/v1/patients/"
                                                            + patient
                                                            + "/progress/stream"))
                                    .header("Authorization", bearer)
                                    .header("Accept", "text/event-stream")
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of an answer other than 200. */
    public String body() {
        return body;
    }

    /** The data of the next event, or null if none came within {@code wait}. */
    public String nextEvent(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server has ended the stream (its response is complete). */
    public boolean endedByServer() {
        return endedByServer;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(line.substring(5).trim());
                }
            }
            endedByServer = true;
        } catch (IOException closed) {
            // the test closed the stream
        }
    }
}
