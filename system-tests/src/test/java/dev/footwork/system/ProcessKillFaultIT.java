package dev.footwork.system;

import static org.awaitility.Awaitility.await;

import dev.footwork.testkit.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Services killed with SIGKILL under steady load. First each service in turn (one process each),
 * restarted at once; then, with a second replica of every service, one replica of each killed and
 * left dead. After each, every acknowledged operation is applied exactly once everywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessKillFaultIT {

    private static final Logger LOG = Logger.getLogger(ProcessKillFaultIT.class);
    private static final String CLINIC = "clinic-kill";
    private static final Duration CONVERGE = Duration.ofSeconds(120);

    private static FaultSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = FaultSystem.start(KafkaBroker::single, "kill", Map.of());
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void assessmentServiceKilledMidLoad() throws Exception {
        killInTurn(FaultSystem.ASSESSMENT, "kill-a-");
    }

    @Test
    @Order(2)
    void exerciseServiceKilledMidLoad() throws Exception {
        killInTurn(FaultSystem.EXERCISE, "kill-e-");
    }

    @Test
    @Order(3)
    void progressServiceKilledMidLoad() throws Exception {
        killInTurn(FaultSystem.PROGRESS, "kill-p-");
    }

    @Test
    @Order(4)
    void oneOfTwoReplicasOfEveryServiceKilledMidLoad() throws Exception {
        for (String service : FaultSystem.SERVICES) {
            system.startReplica(service);
        }
        system.awaitAllReady();
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "repl-", 4, 4, true)) {
            awaitMoreAcknowledged(load, 30);
            for (String service : FaultSystem.SERVICES) {
                system.kill(service, 0);
            }
            long killed = System.nanoTime();
            awaitMoreAcknowledged(load, 40);
            FaultFigures.finishAndReport(
                    "replicas-one-of-each-killed", system, load, killed, CONVERGE, 0);
        }
    }

    private static void killInTurn(String service, String prefix) throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, prefix, 3, 4, true)) {
            awaitMoreAcknowledged(load, 25);
            ServiceProcess again = system.killAndRestart(service, 0);
            long killed = System.nanoTime();
            again.awaitReady(FaultSystem.READY);
            long back = System.nanoTime();
            LOG.infof(
                    "%s ready again %d ms after SIGKILL",
                    service, FaultFigures.millisSince(killed));
            awaitMoreAcknowledged(load, 25);
            FaultFigures.finishAndReport(
                    "sigkill-" + service.replace("-service", ""), system, load, back, CONVERGE, 0);
        }
    }

    /** Lets the load run until {@code more} further operations have been acknowledged. */
    static void awaitMoreAcknowledged(SteadyLoad load, int more) {
        long target = load.acknowledged() + more;
        await("load: " + more + " more operations acknowledged")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> load.acknowledged() >= target);
    }
}
