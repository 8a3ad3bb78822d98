package dev.footwork.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this service publishes events and handles the ones it cannot process. */
@ConfigMapping(prefix = "footwork.messaging")
public interface MessagingConfig {

    /** Topic that receives records this service's consumers cannot process. */
    String deadLetterTopic();

    /** How long a send may take before it counts as failed (delivery timeout). */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Attempts at applying an event that fails for a reason other than the database being away. */
    @WithDefault("3")
    int maxProcessingAttempts();

    /**
     * First pause before retrying a failed event; doubles each time up to {@link
     * #maxRetryBackoff()}.
     */
    @WithDefault("200ms")
    Duration retryBackoff();

    @WithDefault("10s")
    Duration maxRetryBackoff();
}
