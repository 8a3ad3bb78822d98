package dev.footwork.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Embedded PostgreSQL for running the system locally: a long-running server whose data directory
 * persists across restarts.
 *
 * <p>As a program: {@code LocalPostgres --data-dir DIR [--port 5432] [--databases a,b,c]}. It
 * initialises DIR on first use and reuses it afterwards, creates the listed databases if missing,
 * prints {@code READY jdbc:postgresql://localhost:<port>/} on stdout and runs until SIGTERM or
 * SIGINT, on which it stops PostgreSQL with a fast shutdown. User {@code postgres}; local
 * connections are trusted, so any password is accepted.
 *
 * <p>If a previous run was killed with SIGKILL, its PostgreSQL may still be running on DIR; it is
 * stopped (fast shutdown) before the new one starts. A {@code postmaster.pid} whose process is
 * gone, or is no PostgreSQL, is removed. PostgreSQL then recovers from its WAL as after a crash.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    // the lock file zonky holds in the data directory while its JVM runs the server
    private static final String ZONKY_LOCK = "epg-lock";

    private final PostgresServer server;
    private final int port;

    private LocalPostgres(PostgresServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleLogging.install();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: LocalPostgres --data-dir DIR [--port 5432] [--databases a,b,c]");
            System.exit(2);
            return;
        }
        LocalPostgres postgres = start(options.dataDir(), options.port(), options.databases());
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "footwork-postgres-stop"));
        System.out.println("READY " + postgres.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (initialising it if it holds no cluster yet) at {@code
     * port}, then creates the missing ones of {@code databases}.
     */
    public static LocalPostgres start(Path dataDir, int port, List<String> databases) {
        QuietLogging.apply();
        long started = System.nanoTime();
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            refuseIfInUse(directory);
            stopOrphan(directory);
            refuseIfPortTaken(port);
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(directory)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(STARTUP_WAIT)
                            .setLocaleConfig("locale", "C")
                            .setServerConfig("max_connections", "200")
                            .setServerConfig("logging_collector", "on")
                            .setServerConfig("log_directory", "log")
                            .start();
            LocalPostgres local = new LocalPostgres(PostgresServer.wrap(postgres), port);
            databases.forEach(local.server::ensureDatabase);
            log().infof(
                            "PostgreSQL on %s ready at %s in %d ms",
                            directory,
                            local.baseUrl(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on " + directory, e);
        }
    }

    // not a static field: main must install console logging before jboss-logging picks its backend
    private static Logger log() {
        return Logger.getLogger(LocalPostgres.class);
    }

    /** {@code jdbc:postgresql://localhost:<port>/}, to which a database name is appended. */
    public String baseUrl() {
        return "jdbc:postgresql://localhost:" + port + "/";
    }

    /** Connection details for one database on this server (it is not created here). */
    public JdbcDatabase database(String name) {
        return new JdbcDatabase(
                baseUrl() + name, PostgresServer.EMBEDDED_USER, PostgresServer.EMBEDDED_PASSWORD);
    }

    /** Stops PostgreSQL (fast shutdown) and keeps the data directory. Safe to repeat. */
    @Override
    public void close() {
        server.close();
    }

    private static void refuseIfInUse(Path directory) throws IOException {
        try (FileChannel channel =
                FileChannel.open(directory.resolve(ZONKY_LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException(
                        "Another process runs PostgreSQL on "
                                + directory
                                + " (it holds "
                                + ZONKY_LOCK
                                + ")");
            }
            lock.release();
        } catch (NoSuchFileException e) {
            // never started here
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This JVM already runs PostgreSQL on " + directory, e);
        }
    }

    private static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = firstLineNumber(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process =
                ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        boolean postgres =
                process.flatMap(p -> p.info().command())
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false);
        if (!postgres) {
            log().infof("Removing stale %s (process %d is gone)", pidFile, pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log().warnf(
                        "PostgreSQL %d from an earlier run still serves %s; stopping it",
                        pid.get(), directory);
        ProcessHandle orphan = process.get();
        signalFastShutdown(orphan);
        if (!awaitExit(orphan, ORPHAN_STOP_WAIT)) {
            log().warnf("PostgreSQL %d ignored the fast shutdown; killing it", pid.get());
            orphan.destroyForcibly();
            awaitExit(orphan, ORPHAN_STOP_WAIT);
        }
    }

    // SIGINT is PostgreSQL's fast shutdown; Java can only send SIGTERM (smart shutdown, which waits
    // for clients to leave) or SIGKILL, so the kill command sends it
    private static void signalFastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted stopping PostgreSQL " + postmaster.pid(), e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for process " + process.pid(), e);
        }
    }

    private static Optional<Long> firstLineNumber(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void refuseIfPortTaken(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free: PostgreSQL can have it
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on localhost is in use", e);
        }
    }

    record Options(Path dataDir, int port, List<String> databases) {
        static Options parse(String[] args) {
            Path dataDir = null;
            int port = 5432;
            List<String> databases = List.of();
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (!rest.isEmpty()) {
                    value = rest.remove(0);
                } else {
                    throw new IllegalArgumentException("Missing value for " + arg);
                }
                switch (name) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--port" -> port = Integer.parseInt(value);
                    case "--databases" ->
                            databases =
                                    Arrays.stream(value.split(","))
                                            .map(String::strip)
                                            .filter(s -> !s.isEmpty())
                                            .toList();
                    default -> throw new IllegalArgumentException("Unknown argument " + arg);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            return new Options(dataDir, port, databases);
        }
    }
}
