package dev.footwork.support.inbox;

import dev.footwork.support.health.WaitingConsumers;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.commit.KafkaThrottledLatestProcessedCommit;
import io.smallrye.reactive.messaging.kafka.commit.KafkaThrottledLatestProcessedCommit.TooManyMessagesWithoutAckException;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The connector's throttled commit strategy (commit after the latest record processed in order,
 * never past one still held), except that a record held back because the inbox waits for its
 * database or dead-letter topic does not count as a hung consumer: without this the strategy closes
 * the channel for good once a record goes unacknowledged for {@code
 * throttled.unprocessed-record-max-age.ms}. Records held for any other reason still close it.
 *
 * <p>Selected for every channel by {@code commit-strategy=footwork-throttled} (service-support's
 * microprofile-config.properties).
 */
@ApplicationScoped
@Identifier(CommitsAroundOutages.STRATEGY)
public class CommitsAroundOutages implements KafkaCommitHandler.Factory {

    static final String STRATEGY = "footwork-throttled";
    private static final Logger LOG = Logger.getLogger(CommitsAroundOutages.class);

    private final KafkaThrottledLatestProcessedCommit.Factory throttled =
            new KafkaThrottledLatestProcessedCommit.Factory();
    private final WaitingConsumers waiting;

    CommitsAroundOutages(WaitingConsumers waiting) {
        this.waiting = waiting;
    }

    @Override
    public KafkaCommitHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        List<String> topics = topics(config);
        // records queued behind a held one are as old as the outage: they get one more max age
        Duration grace =
                Duration.ofMillis(Math.max(0, config.getThrottledUnprocessedRecordMaxAgeMs()));
        BiConsumer<Throwable, Boolean> unlessWaiting =
                (failure, fatal) -> {
                    if (failure instanceof TooManyMessagesWithoutAckException
                            && waiting.waitedRecently(topics, grace)) {
                        LOG.debugf(
                                "Channel %s holds a record while its consumer waits for a"
                                        + " dependency; not a hung consumer: %s",
                                config.getChannel(), failure.getMessage());
                        return;
                    }
                    reportFailure.accept(failure, fatal);
                };
        return throttled.create(config, vertx, consumer, unlessWaiting);
    }

    private static List<String> topics(KafkaConnectorIncomingConfiguration config) {
        return config.getTopics()
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).toList())
                .orElseGet(() -> List.of(config.getTopic().orElse(config.getChannel())));
    }
}
