package dev.footwork.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Footwork service ({@code quarkus-run.jar}) running as its own operating-system
 * process, with its log in a file.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(
            String name, Path jar, Map<String, String> env, int port, Path log, Process process) {
        this.name = name;
        this.jar = jar;
        this.env = env;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the service built in {@code <root>/<name>/target/quarkus-app} on a free port. */
    static ServiceProcess start(Path root, String name, Map<String, String> env, Path logDir)
            throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + "-" + port + ".log");
        return launch(name, jar, Map.copyOf(env), port, log, Redirect.to(log.toFile()));
    }

    /**
     * Starts this service again, with the same configuration and port, once its process has ended
     * (after {@link #kill()}, say). The new life's output is appended to the same log.
     */
    ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " on port " + port + " is still running");
        }
        return launch(name, jar, env, port, log, Redirect.appendTo(log.toFile()));
    }

    private static ServiceProcess launch(
            String name, Path jar, Map<String, String> env, int port, Path log, Redirect output)
            throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                // C1 only, as the local launcher: the services share 2 cores
                                // with the broker, PostgreSQL and the tests (start-up 12-17 s
                                // instead of 21-27, deploy/local/README.md)
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(output);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(name, jar, env, port, log, builder.start());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The operating-system process id, for logs. */
    long pid() {
        return process.pid();
    }

    /**
     * Ends the process at once with SIGKILL (what {@link Process#destroyForcibly()} sends on
     * Linux): no shutdown hooks, no graceful Kafka or database close, as in a crash or an OOM kill.
     *
     * @return the exit code, 137 for a process ended by SIGKILL
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
        }
        return process.exitValue();
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + tail());
            }
            try {
                HttpResponse<Void> response =
                        HTTP.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
    }

    /**
     * The status a health endpoint ({@code live} or {@code ready}) answers within one second, or -1
     * when it does not answer in that time.
     */
    int health(String which) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/" + which))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The last lines of the service's log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
