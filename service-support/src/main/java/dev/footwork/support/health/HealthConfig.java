package dev.footwork.support.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the service checks that its database and Kafka answer, and what counts as stale. */
@ConfigMapping(prefix = "footwork.health")
public interface HealthConfig {

    /** Pause between the end of one probe of a dependency and the start of the next. */
    @WithDefault("200ms")
    Duration probeInterval();

    /** Longest one probe may take before it counts as failed. */
    @WithDefault("500ms")
    Duration probeTimeout();

    /**
     * Readiness is DOWN when no probe of a dependency that began within this time succeeded: a
     * dependency that goes away, or a probe that hangs, turns readiness DOWN within it.
     */
    @WithDefault("900ms")
    Duration staleAfter();
}
