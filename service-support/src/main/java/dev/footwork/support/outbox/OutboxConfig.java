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

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * Safety-net poll. The relay normally wakes the moment a transaction with outbox rows commits;
     * the poll catches rows written by other instances or left by a crash.
     */
    @WithDefault("2s")
    Duration pollInterval();

    /** Published rows are deleted after this long. */
    @WithDefault("P7D")
    Duration retention();
}
