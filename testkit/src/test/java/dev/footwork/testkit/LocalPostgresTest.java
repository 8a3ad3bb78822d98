package dev.footwork.testkit;

import static dev.footwork.testkit.PostgresServerTest.execute;
import static dev.footwork.testkit.PostgresServerTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {
    @TempDir Path dataDir;
    @TempDir Path logs;
    private Path output;

    @BeforeEach
    void output() {
        output = logs.resolve("stdout.txt");
    }

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        try (LocalPostgres first =
                LocalPostgres.start(dataDir, port, List.of("plans", "progress"))) {
            execute(first.database("plans"), "CREATE TABLE plan (id int, phase text)");
            execute(first.database("plans"), "INSERT INTO plan VALUES (1, 'strength')");
        }

        try (LocalPostgres second = LocalPostgres.start(dataDir, port, List.of("plans", "extra"))) {
            assertThat(query(second.database("plans"), "SELECT phase FROM plan"))
                    .isEqualTo("strength");
            assertThat(query(second.database("progress"), "SELECT current_database()"))
                    .isEqualTo("progress");
            assertThat(query(second.database("extra"), "SELECT current_database()"))
                    .isEqualTo("extra");
        }
    }

    @Test
    void asAProgramPrintsReadyStopsOnSigtermAndRecoversFromSigkill() throws Exception {
        int port = freePort();
        Process program = launch(port);
        assertThat(readyLine(program)).isEqualTo("READY jdbc:postgresql://localhost:" + port + "/");
        execute(database(port), "CREATE TABLE plan (id int, phase text)");
        execute(database(port), "INSERT INTO plan VALUES (1, 'balance')");

        program.destroy(); // SIGTERM
        assertThat(program.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        Process killed = launch(port);
        readyLine(killed);
        long orphan = postmasterPid();
        killed.destroyForcibly(); // SIGKILL: PostgreSQL itself keeps running
        killed.waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (LocalPostgres restarted = LocalPostgres.start(dataDir, port, List.of("plans"))) {
            assertThat(query(restarted.database("plans"), "SELECT phase FROM plan"))
                    .isEqualTo("balance");
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    private JdbcDatabase database(int port) {
        return new JdbcDatabase(
                "jdbc:postgresql://localhost:" + port + "/plans", "postgres", "postgres");
    }

    private Process launch(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalPostgres.class.getName(),
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        Integer.toString(port),
                        "--databases",
                        "plans")
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private String readyLine(Process program) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && program.isAlive()) {
            Optional<String> ready =
                    Files.readAllLines(output).stream()
                            .filter(l -> l.startsWith("READY "))
                            .findFirst();
            if (ready.isPresent()) {
                return ready.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("LocalPostgres printed no READY line");
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
