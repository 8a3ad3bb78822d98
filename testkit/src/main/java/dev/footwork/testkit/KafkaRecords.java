package dev.footwork.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes records on a real broker from tests: assert the events a service published, or
 * put a record (a poison one, say) in front of a service's consumer.
 *
 * <p>Reading uses no consumer group: it assigns every partition of the topic and starts at the
 * beginning, so it sees everything already on the topic, commits nothing and never waits for a
 * rebalance. It reads committed records only ({@code isolation.level=read_committed}) and never
 * creates the topic; until the topic exists it keeps looking until the timeout.
 */
public final class KafkaRecords {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_SLICE = Duration.ofMillis(200);
    private static final Duration METADATA_SLICE = Duration.ofSeconds(2);

    private KafkaRecords() {}

    /**
     * Reads the topic from the beginning until {@code expectedCount} records have arrived or the
     * timeout has passed, whichever is first. Returns what was read: fewer records than expected
     * after a timeout, possibly more than expected if they came in one poll.
     */
    public static List<ConsumerRecord<String, String>> poll(
            String bootstrapServers, String topic, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            if (!assignFromBeginning(consumer, topic, deadline)) {
                return records;
            }
            while (records.size() < expectedCount && remaining(deadline) > 0) {
                consumer.poll(pollSlice(deadline)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads the topic from the beginning until a record matches or the timeout has passed. */
    public static Optional<ConsumerRecord<String, String>> find(
            String bootstrapServers,
            String topic,
            Predicate<ConsumerRecord<String, String>> predicate,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            if (!assignFromBeginning(consumer, topic, deadline)) {
                return Optional.empty();
            }
            while (remaining(deadline) > 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(pollSlice(deadline))) {
                    if (predicate.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The UTF-8 value of the last header with this name, or {@code null} if there is none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Writes one record with {@code acks=all} and idempotence and waits for the broker's ack.
     * {@code key} and {@code value} may be null; header values are written as UTF-8.
     */
    public static RecordMetadata send(
            String bootstrapServers,
            String topic,
            String key,
            String value,
            Map<String, String> headers) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        return send(bootstrapServers, topic, key, bytes, headers);
    }

    /**
     * As {@link #send(String, String, String, String, Map)} with raw value bytes (not UTF-8, say).
     */
    public static RecordMetadata send(
            String bootstrapServers,
            String topic,
            String key,
            byte[] value,
            Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, utf8(headerValue)));
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            return producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No ack from " + topic + " in " + SEND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted sending to " + topic, e);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "footwork-testkit-reader");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * A producer with the settings {@link #send} uses ({@code acks=all}, idempotence), for tests
     * that write many records and should not open a connection per record. The caller closes it.
     */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "footwork-testkit-writer");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean assignFromBeginning(
            KafkaConsumer<String, String> consumer, String topic, long deadline) {
        while (remaining(deadline) > 0) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, slice(deadline, METADATA_SLICE));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                continue; // broker not reachable yet; try again until the deadline
            }
            if (!infos.isEmpty()) {
                List<TopicPartition> partitions =
                        infos.stream()
                                .map(info -> new TopicPartition(topic, info.partition()))
                                .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return true;
            }
            sleep(Math.min(100, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
        }
        return false;
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static Duration pollSlice(long deadline) {
        return slice(deadline, POLL_SLICE);
    }

    private static Duration slice(long deadline, Duration longest) {
        return Duration.ofNanos(Math.max(0, Math.min(remaining(deadline), longest.toNanos())));
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
