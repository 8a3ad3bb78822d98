package dev.footwork.support.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one Kafka producer for events it publishes itself (outbox relay, dead letters):
 * {@code acks=all} with idempotence on, built from the same {@code kafka.*} configuration as the
 * messaging channels so that security settings apply to it too.
 */
@ApplicationScoped
public class EventProducer {

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final Duration sendTimeout;
    private volatile Producer<String, byte[]> producer;

    @Inject
    EventProducer(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            MessagingConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.clientId = applicationName + "-events";
        this.sendTimeout = config.sendTimeout();
    }

    /** Sends a record; the future completes when every in-sync replica has it. */
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer().send(record);
    }

    /**
     * Sends a record and calls back, on the producer's I/O thread, when every in-sync replica has
     * it or it failed; the callback must be quick.
     */
    public void send(ProducerRecord<String, byte[]> record, Callback callback) {
        producer().send(record, callback);
    }

    public Duration sendTimeout() {
        return sendTimeout;
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer =
                            new KafkaProducer<>(
                                    producerConfig(),
                                    new StringSerializer(),
                                    new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach(
                (key, value) -> {
                    if (ProducerConfig.configNames().contains(key)) {
                        config.put(key, value);
                    }
                });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int lingerMs = 1;
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        int timeoutMs = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        config.put(
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs - lingerMs, 30_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    @PreDestroy
    void close() {
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
