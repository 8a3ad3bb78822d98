package dev.footwork.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer on one topic in a group of its own, on a thread of its own, handing each record
 * to a callback; it starts at the topic's end, or at its beginning.
 */
final class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean assigned;

    TopicWatcher(
            String bootstrap,
            String topic,
            boolean fromBeginning,
            Consumer<ConsumerRecord<String, byte[]>> callback) {
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "bench-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                fromBeginning ? "earliest" : "latest",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                2000),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        thread =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    var records = consumer.poll(Duration.ofMillis(100));
                                    if (!assigned && !consumer.assignment().isEmpty()) {
                                        // fixes the start position before anything is sent
                                        consumer.assignment().forEach(consumer::position);
                                        assigned = true;
                                    }
                                    records.forEach(callback);
                                }
                            } catch (WakeupException closing) {
                                consumer.close(Duration.ofSeconds(2));
                            }
                        },
                        "watch-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the consumer holds its partitions and knows where it starts. */
    TopicWatcher awaitAssigned() throws InterruptedException {
        if (!Waits.until(() -> assigned, Duration.ofMillis(50), Duration.ofSeconds(60))) {
            throw new IllegalStateException("no partitions assigned to " + thread.getName());
        }
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
