package dev.footwork.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "footwork.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay at all. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows read and published per round. */
    @WithDefault("200")
    int batchSize();

    /**
     * Safety-net poll. The relay normally wakes the moment a transaction with outbox rows commits;
     * the poll catches rows written by other instances or left by a crash.
     */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a relay's lease lasts unless renewed. A relay renews it every round (at least every
     * poll interval), so a dead relay's replica takes over within this time plus one poll.
     */
    @WithDefault("10s")
    Duration lease();

    /**
     * How often a row the broker refused for good (too large, topic not authorised) is tried again.
     */
    @WithDefault("10m")
    Duration heldRetry();

    /** Published rows are deleted after this long. */
    @WithDefault("P7D")
    Duration retention();
}
