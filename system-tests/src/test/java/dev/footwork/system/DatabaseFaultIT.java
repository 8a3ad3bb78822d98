package dev.footwork.system;

import static dev.footwork.system.ProcessKillFaultIT.awaitMoreAcknowledged;
import static org.awaitility.Awaitility.await;

import dev.footwork.testkit.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 80 s under load (longer than the 60 s after which the throttled commit
 * strategy gives up on unacknowledged records), then started again on the same port and data: every
 * acknowledged operation applied exactly once, and every service ready again.
 */
class DatabaseFaultIT {

    private static final Logger LOG = Logger.getLogger(DatabaseFaultIT.class);
    private static final String CLINIC = "clinic-db";
    private static final Duration OUTAGE = Duration.ofSeconds(80);
    private static final Duration CONVERGE = Duration.ofSeconds(150);

    private static FaultSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = FaultSystem.start(KafkaBroker::single, "db", Map.of());
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void postgresStoppedFor80sThenBackLosesAndDuplicatesNothing() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "pgdown-", 3, 4, true)) {
            awaitMoreAcknowledged(load, 25);
            system.postgres().stop();
            long stopped = System.nanoTime();
            // readiness says DOWN within about a second, and answers within one every time
            await("every service answers /q/health/ready 503")
                    .atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    FaultSystem.SERVICES.stream()
                                            .allMatch(
                                                    s -> system.service(s).health("ready") == 503));
            long notReadyAfter = FaultFigures.millisSince(stopped);
            await("services alive, live and not ready while PostgreSQL is away")
                    .during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () ->
                                    FaultSystem.SERVICES.stream()
                                            .allMatch(
                                                    s ->
                                                            system.service(s).alive()
                                                                    && system.service(s)
                                                                                    .health("live")
                                                                            == 200
                                                                    && system.service(s)
                                                                                    .health("ready")
                                                                            == 503));
            system.postgres().start();
            system.awaitDatabase();
            long back = System.nanoTime();
            LOG.infof(
                    "PostgreSQL back after %d ms; %d operations acknowledged; every service not"
                            + " ready %d ms after the stop, live throughout",
                    FaultFigures.millisSince(stopped), load.acknowledged(), notReadyAfter);
            awaitMoreAcknowledged(load, 25);
            FaultFigures.finishAndReport("postgres-down-80s", system, load, back, CONVERGE, 0);
            for (String service : FaultSystem.SERVICES) {
                system.service(service).awaitReady(Duration.ofSeconds(60));
            }
        }
    }
}
