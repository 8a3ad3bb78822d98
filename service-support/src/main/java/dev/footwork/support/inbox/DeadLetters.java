package dev.footwork.support.inbox;

import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_CAUSE;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_CONSUMER;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_OFFSET;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_PARTITION;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_REASON;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_TOPIC;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.support.health.WaitingConsumers;
import dev.footwork.support.kafka.EventProducer;
import dev.footwork.support.kafka.MessagingConfig;
import dev.footwork.support.kafka.RecordHeaders;
import dev.footwork.support.retry.Backoff;
import dev.footwork.support.retry.ShutdownSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends records that can never be applied to the service's dead-letter topic: the original key,
 * value and headers (except an ingress record's credential, {@code authorization}), plus headers
 * saying why, where from and which consumer gave up.
 *
 * <p>A send that fails (topic missing, refused by an ACL, broker away) fails for a while, not for
 * ever: it is retried with the shared back-off until the broker acknowledges it or the service
 * stops, and meanwhile the consumer counts as waiting ({@link WaitingConsumers}). The record is
 * never acknowledged before its dead letter is.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EventProducer producer;
    private final MessagingConfig config;
    private final ShutdownSignal shutdown;
    private final WaitingConsumers waiting;

    DeadLetters(
            EventProducer producer,
            MessagingConfig config,
            ShutdownSignal shutdown,
            WaitingConsumers waiting) {
        this.producer = producer;
        this.config = config;
        this.shutdown = shutdown;
        this.waiting = waiting;
    }

    /**
     * Publishes and waits for the broker's acknowledgement, retrying until there is one.
     *
     * @throws IllegalStateException only when the service stops first; the original record is then
     *     not acknowledged and will be delivered (and dead-lettered) again
     */
    public void send(
            ConsumerRecord<String, byte[]> original, String consumer, PoisonEventException why) {
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(config.deadLetterTopic(), original.key(), original.value());
        for (Header header : original.headers()) {
            if (header.key().equals(CloudEventAttributes.AUTHORIZATION)) {
                // a platform's token is a secret, not evidence: it stays out of the dead letter
                continue;
            }
            dead.headers().add(header);
        }
        RecordHeaders.put(dead.headers(), DEAD_LETTER_REASON, why.getMessage());
        RecordHeaders.put(dead.headers(), DEAD_LETTER_CAUSE, why.cause());
        RecordHeaders.put(dead.headers(), DEAD_LETTER_CONSUMER, consumer);
        RecordHeaders.put(dead.headers(), DEAD_LETTER_TOPIC, original.topic());
        RecordHeaders.put(
                dead.headers(), DEAD_LETTER_PARTITION, String.valueOf(original.partition()));
        RecordHeaders.put(dead.headers(), DEAD_LETTER_OFFSET, String.valueOf(original.offset()));
        Backoff backoff = new Backoff(config.retryBackoff(), config.maxRetryBackoff());
        while (true) {
            RuntimeException failure = attempt(dead);
            if (failure == null) {
                break;
            }
            waiting.waiting(consumer, original.topic(), "dead-letter topic", failure);
            Duration pause = backoff.failed();
            LOG.warnf(
                    "Dead-lettering %s-%d@%d for %s failed, retrying in %s: %s",
                    original.topic(),
                    original.partition(),
                    original.offset(),
                    consumer,
                    pause,
                    failure.getMessage());
            if (shutdown.await(pause)) {
                throw new IllegalStateException(
                        "shutting down before the dead letter was sent; the record will be"
                                + " redelivered",
                        failure);
            }
        }
        waiting.resumed(consumer);
        LOG.warnf(
                "Dead-lettered %s-%d@%d for %s (%s): %s",
                original.topic(),
                original.partition(),
                original.offset(),
                consumer,
                why.cause(),
                why.getMessage());
    }

    /** One send; the failure, or null once the broker has acknowledged it. */
    private RuntimeException attempt(ProducerRecord<String, byte[]> dead) {
        try {
            producer.send(dead).get(producer.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return new IllegalStateException(
                    "dead-lettering failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return new IllegalStateException("dead-lettering got no ack: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (RuntimeException e) {
            // send() itself throws when the topic's metadata does not come within max.block.ms
            return e;
        }
    }
}
