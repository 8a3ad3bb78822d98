package dev.footwork.benchmarks;

import dev.footwork.testkit.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system under test, started and stopped by the local launcher ({@code deploy/local/footwork})
 * with a state directory and ports of its own, so it runs beside a developer's local run.
 */
final class LocalSystem implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("assessment-service", "exercise-service", "progress-service");
    static final List<String> DATABASES =
            List.of("footwork_assessment", "footwork_exercise", "footwork_progress");

    /** Where and how to run it. */
    record Settings(
            Path root,
            Path appRoot,
            Path state,
            Path profiles,
            int portBase,
            String javaOpts,
            boolean jfr,
            String evaluationInterval) {}

    private final Settings settings;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path launcherLog;
    private boolean started;
    private String jdbcBase;
    private DevTokens tokens;

    LocalSystem(Settings settings) {
        this.settings = settings;
        this.launcherLog = settings.state().resolveSibling(settings.state().getFileName() + ".log");
        int base = settings.portBase();
        environment.put("FOOTWORK_STATE_DIR", settings.state().toString());
        environment.put("FOOTWORK_APP_ROOT", settings.appRoot().toString());
        environment.put("FOOTWORK_PG_PORT", String.valueOf(base));
        environment.put("FOOTWORK_KAFKA_PORT", String.valueOf(base + 1));
        environment.put("FOOTWORK_KAFKA_CONTROLLER_PORT", String.valueOf(base + 2));
        environment.put("FOOTWORK_ASSESSMENT_PORT", String.valueOf(base + 11));
        environment.put("FOOTWORK_EXERCISE_PORT", String.valueOf(base + 12));
        environment.put("FOOTWORK_PROGRESS_PORT", String.valueOf(base + 13));
        environment.put("FOOTWORK_PROGRESS_EVALUATION_INTERVAL", settings.evaluationInterval());
        if (settings.javaOpts() != null) {
            environment.put("FOOTWORK_JAVA_OPTS", settings.javaOpts());
        }
        if (settings.jfr()) {
            for (String service : SERVICES) {
                String short_ = service.substring(0, service.indexOf('-'));
                environment.put(
                        "FOOTWORK_JAVA_OPTS_" + short_.toUpperCase(),
                        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + jfrFile(service));
            }
        }
    }

    /** The jars this run needs, with a message naming the build that makes them when missing. */
    static List<String> missingJars(Path appRoot) {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Path jar = appRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        return missing;
    }

    Path jfrFile(String service) {
        return settings.profiles().resolve(service + ".jfr");
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(settings.state().getParent());
        Files.createDirectories(settings.profiles());
        long began = System.nanoTime();
        launcher("reset", Duration.ofMinutes(2));
        started = true;
        launcher("start", Duration.ofMinutes(8), "--no-build", "--no-demo", "--detach");
        System.out.printf(
                "System up in %d s (state %s)%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), settings.state());
        jdbcBase = Files.readString(settings.state().resolve("pids/postgres.addr")).trim();
        tokens = DevTokens.inDirectory(settings.state().resolve("jwt"));
    }

    private void launcher(String command, Duration timeout, String... options)
            throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(settings.root().resolve("deploy/local/footwork").toString());
        commandLine.add(command);
        commandLine.addAll(List.of(options));
        ProcessBuilder builder =
                new ProcessBuilder(commandLine)
                        .directory(settings.root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(launcherLog.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException(
                    "deploy/local/footwork " + command + " did not finish in " + timeout);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(launcherLog);
            String tail =
                    String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            throw new IllegalStateException(
                    "deploy/local/footwork "
                            + command
                            + " failed ("
                            + process.exitValue()
                            + "); its output ("
                            + launcherLog
                            + ") ends:\n"
                            + tail);
        }
    }

    String url(String service) {
        int offset = 11 + SERVICES.indexOf(service);
        return "http://localhost:" + (settings.portBase() + offset);
    }

    String bootstrapServers() {
        return "localhost:" + (settings.portBase() + 1);
    }

    /** The JDBC URL of a database on the system's PostgreSQL server. */
    String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    String dbUser() {
        return "postgres";
    }

    String dbPassword() {
        return "postgres";
    }

    /** {@code Bearer ...} for a role in a clinic, signed by the key the services trust. */
    String bearer(String role, String clinic) {
        return tokens.token(role, clinic).lifetime(Duration.ofHours(6)).bearer();
    }

    long pid(String component) {
        try {
            String text = Files.readString(settings.state().resolve("pids/" + component + ".pid"));
            return Long.parseLong(text.replaceAll("[^0-9]", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL postmaster's pid (from its data directory). */
    long postmasterPid() throws IOException {
        List<String> lines =
                Files.readAllLines(settings.state().resolve("postgres/data/postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    Path log(String component) {
        return settings.state().resolve("logs/" + component + ".log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            started = false;
            launcher("stop", Duration.ofMinutes(2));
        }
    }
}
