package dev.footwork.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark ({@code benchmarks/run}): starts the packaged system with the local launcher,
 * measures every figure, prints the table and appends it to {@code benchmarks/RESULTS.md}; the
 * whole set once per run, on a freshly started system each time.
 *
 * <p>Options: {@code --runs N} (2), {@code --smoke} (seconds, tiny sizes), {@code --jfr} (a flight
 * recording per service and its top frames), {@code --app-root DIR} (run that checkout's jars),
 * {@code --java-opts "..."} (the services' JVM options instead of the launcher's), {@code
 * --port-base N} (26400: below Linux's ephemeral range), {@code --results FILE} ({@code
 * benchmarks/RESULTS.md}; {@code none}), {@code --label TEXT}, {@code --evaluation-interval D}
 * (60s).
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the benchmark; returns 0 when every run produced its figures. */
    public static int run(String... args) throws Exception {
        HarnessLogging.configure();
        if (args.length >= 2 && args[0].equals("--load")) {
            return UrlLoad.run(args[1], java.util.Arrays.copyOfRange(args, 2, args.length));
        }
        Path root = Path.of(System.getProperty("footwork.root", ".")).toAbsolutePath().normalize();
        Path appRoot = null;
        int runs = 2;
        boolean smoke = false;
        boolean jfr = false;
        String javaOpts = null;
        int portBase = 26400;
        String results = null;
        String label = "";
        String interval = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--app-root" -> appRoot = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--smoke" -> smoke = true;
                case "--jfr" -> jfr = true;
                case "--java-opts" -> javaOpts = args[++i];
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--results" -> results = args[++i];
                case "--label" -> label = args[++i];
                case "--evaluation-interval" -> interval = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i] + " (see benchmarks/README.md)");
                    return 2;
                }
            }
        }
        if (appRoot == null) {
            appRoot = root;
        }
        List<String> missing = LocalSystem.missingJars(appRoot);
        if (!missing.isEmpty()) {
            System.err.println(
                    "benchmark: missing "
                            + String.join(", ", missing)
                            + "\nThe benchmark builds nothing: run ./mvnw -DskipTests package in "
                            + appRoot
                            + " first (see benchmarks/README.md).");
            return 1;
        }
        Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
        if (interval == null) {
            interval = smoke ? "2s" : "60s";
        }
        Path work = root.resolve("benchmarks/target/bench");
        String stamp =
                ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder report = new StringBuilder();
        report.append("\n## ")
                .append(stamp)
                .append(label.isEmpty() ? "" : " - " + label)
                .append("\n\n")
                .append("- machine: ")
                .append(Processes.machine())
                .append("\n- commit: ")
                .append(commit(appRoot))
                .append(
                        appRoot.equals(root)
                                ? ""
                                : " (jars of " + appRoot + "; harness at " + commit(root) + ")")
                .append("\n- command: `benchmarks/run ")
                .append(String.join(" ", args))
                .append("`\n- service JVM options: ")
                .append(javaOpts == null ? "the launcher's defaults" : "`" + javaOpts + "`")
                .append("\n");
        int failures = 0;
        for (int n = 1; n <= runs; n++) {
            Path profiles = work.resolve("profiles/run-" + n);
            LocalSystem system =
                    new LocalSystem(
                            new LocalSystem.Settings(
                                    root,
                                    appRoot,
                                    work.resolve("state-" + n),
                                    profiles,
                                    portBase,
                                    javaOpts,
                                    jfr,
                                    interval));
            Run run = new Run(system, sizes);
            long began = System.nanoTime();
            String failure = null;
            try {
                system.start();
                run.measure();
            } catch (Exception | AssertionError e) {
                failure = e.toString();
                e.printStackTrace();
                failures++;
            } finally {
                system.close();
            }
            report.append("\n### Run ")
                    .append(n)
                    .append(" of ")
                    .append(runs)
                    .append(
                            String.format(
                                    " (%d s)%n%n",
                                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)))
                    .append(failure == null ? "" : "**Failed:** `" + failure + "`\n\n")
                    .append(run.figures().table())
                    .append("\n```\n")
                    .append(run.notes())
                    .append("```\n");
            if (jfr) {
                report.append("\nTop frames (self time, jdk.ExecutionSample):\n\n```\n");
                for (String service : LocalSystem.SERVICES) {
                    report.append(service)
                            .append('\n')
                            .append(Profiles.topFrames(system.jfrFile(service), 12));
                }
                report.append("```\n");
            }
            lastFigures = run.figures();
        }
        System.out.println(report);
        Path out = results == null ? root.resolve("benchmarks/RESULTS.md") : Path.of(results);
        if (!"none".equals(results)) {
            if (!Files.exists(out)) {
                Files.writeString(
                        out,
                        "# Benchmark results\n\nWritten by `benchmarks/run` (see [README](README.md)); newest last.\n");
            }
            Files.writeString(out, report, StandardOpenOption.APPEND);
            System.out.println("Appended to " + out);
        }
        return failures == 0 ? 0 : 1;
    }

    /** The figures of the last run (for the smoke test). */
    static Figures lastFigures;

    private static String commit(Path tree) {
        try {
            Process git =
                    new ProcessBuilder("git", "-C", tree.toString(), "rev-parse", "--short", "HEAD")
                            .redirectErrorStream(true)
                            .start();
            String hash = new String(git.getInputStream().readAllBytes()).trim();
            git.waitFor(10, TimeUnit.SECONDS);
            Process status =
                    new ProcessBuilder(
                                    "git",
                                    "-C",
                                    tree.toString(),
                                    "status",
                                    "--porcelain",
                                    "--untracked-files=no")
                            .redirectErrorStream(true)
                            .start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            status.waitFor(10, TimeUnit.SECONDS);
            return hash + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
