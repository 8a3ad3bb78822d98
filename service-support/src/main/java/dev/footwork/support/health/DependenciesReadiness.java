package dev.footwork.support.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database and Kafka answered the background probes a moment ago and no consumer is
 * holding a record back for a dependency to return. Reads cached state only, so it answers at once
 * however dead the dependency. Liveness has no such check: an outage must not get the service
 * restarted, since the consumers resume by themselves.
 */
@Readiness
@ApplicationScoped
public class DependenciesReadiness implements HealthCheck {

    private final DependencyProbes probes;
    private final WaitingConsumers waiting;

    DependenciesReadiness(DependencyProbes probes, WaitingConsumers waiting) {
        this.probes = probes;
        this.waiting = waiting;
    }

    @Override
    public HealthCheckResponse call() {
        Probe.Verdict database = probes.database();
        Probe.Verdict kafka = probes.kafka();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Footwork dependencies")
                        .withData("database", database.detail())
                        .withData("kafka", kafka.detail());
        boolean noneWaiting = true;
        for (WaitingConsumers.Wait wait : waiting.current()) {
            noneWaiting = false;
            response.withData(
                    "consumer " + wait.consumer(),
                    "waiting for the "
                            + wait.dependency()
                            + " since "
                            + wait.since()
                            + ": "
                            + wait.cause());
        }
        return response.status(database.up() && kafka.up() && noneWaiting).build();
    }
}
