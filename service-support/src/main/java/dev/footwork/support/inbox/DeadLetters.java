package dev.footwork.support.inbox;

import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_CAUSE;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_CONSUMER;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_OFFSET;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_PARTITION;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_REASON;
import static dev.footwork.contracts.CloudEventAttributes.DEAD_LETTER_TOPIC;

import dev.footwork.support.kafka.EventProducer;
import dev.footwork.support.kafka.MessagingConfig;
import dev.footwork.support.kafka.RecordHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends records that can never be applied to the service's dead-letter topic: the original key,
 * value and headers, plus headers saying why, where from and which consumer gave up.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EventProducer producer;
    private final MessagingConfig config;

    DeadLetters(EventProducer producer, MessagingConfig config) {
        this.producer = producer;
        this.config = config;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void send(
            ConsumerRecord<String, byte[]> original, String consumer, PoisonEventException why) {
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(config.deadLetterTopic(), original.key(), original.value());
        for (Header header : original.headers()) {
            dead.headers().add(header);
        }
        RecordHeaders.put(dead.headers(), DEAD_LETTER_REASON, why.getMessage());
        RecordHeaders.put(dead.headers(), DEAD_LETTER_CAUSE, why.cause());
        RecordHeaders.put(dead.headers(), DEAD_LETTER_CONSUMER, consumer);
        RecordHeaders.put(dead.headers(), DEAD_LETTER_TOPIC, original.topic());
        RecordHeaders.put(
                dead.headers(), DEAD_LETTER_PARTITION, String.valueOf(original.partition()));
        RecordHeaders.put(dead.headers(), DEAD_LETTER_OFFSET, String.valueOf(original.offset()));
        try {
            producer.send(dead).get(producer.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-lettering failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
        LOG.warnf(
                "Dead-lettered %s-%d@%d for %s (%s): %s",
                original.topic(),
                original.partition(),
                original.offset(),
                consumer,
                why.cause(),
                why.getMessage());
    }
}
