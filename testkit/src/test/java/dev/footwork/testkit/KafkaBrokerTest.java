package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaBrokerTest {
    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.single();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void producesWithAcksAllAndIdempotenceAndReadsBackWithHeaders() {
        String topic = "footwork.test.written.v1";

        RecordMetadata written =
                KafkaRecords.send(
                        broker.bootstrapServers(),
                        topic,
                        "patient-1",
                        "{\"score\":3}",
                        Map.of("ce_type", "dev.footwork.test.written.v1"));
        List<ConsumerRecord<String, String>> read =
                KafkaRecords.poll(broker.bootstrapServers(), topic, 1, Duration.ofSeconds(10));

        assertThat(written.hasOffset()).isTrue();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).key()).isEqualTo("patient-1");
        assertThat(read.get(0).value()).isEqualTo("{\"score\":3}");
        assertThat(KafkaRecords.header(read.get(0), "ce_type"))
                .isEqualTo("dev.footwork.test.written.v1");
        assertThat(KafkaRecords.header(read.get(0), "absent")).isNull();
    }

    @Test
    void findsTheFirstMatchingRecordAndGivesUpOnMissingTopics() {
        String topic = "footwork.test.found.v1";
        for (String value : List.of("a", "b", "c")) {
            KafkaRecords.send(broker.bootstrapServers(), topic, "k", value, Map.of());
        }

        assertThat(
                        KafkaRecords.find(
                                broker.bootstrapServers(),
                                topic,
                                record -> record.value().equals("b"),
                                Duration.ofSeconds(10)))
                .map(ConsumerRecord::offset)
                .contains(1L);
        assertThat(
                        KafkaRecords.poll(
                                broker.bootstrapServers(),
                                "footwork.test.never.v1",
                                1,
                                Duration.ofMillis(500)))
                .isEmpty();
    }

    @Test
    void createsTopicsWithPartitionsAndKeepsExistingOnes() throws Exception {
        broker.createTopics(3, "footwork.test.created.v1", "footwork.test.other.v1");
        broker.createTopics(5, "footwork.test.created.v1");

        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(
                                    Set.of("footwork.test.created.v1", "footwork.test.other.v1"))
                            .allTopicNames()
                            .get();
            assertThat(topics.get("footwork.test.created.v1").partitions()).hasSize(3);
            assertThat(topics.get("footwork.test.other.v1").partitions()).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "consumer"})
    void consumerGroupsOfBothProtocolsGetRecordsAtOnce(String protocol) {
        String topic = "footwork.test.grouped." + protocol + ".v1";
        KafkaRecords.send(broker.bootstrapServers(), topic, "patient-1", "hello", Map.of());
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "testkit-" + protocol,
                        ConsumerConfig.GROUP_PROTOCOL_CONFIG,
                        protocol,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<String> values = new ArrayList<>();
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.isEmpty() && System.nanoTime() - started < 15_000_000_000L) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            consumer.commitSync();
        }

        assertThat(values).containsExactly("hello");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBrokerStillRunningAtJvmExitKeepsItsDataUntilItStopsAndTheJvmExitsCleanly(
            @TempDir Path logs) throws Exception {
        Path stdout = logs.resolve("stdout.txt");
        Path stderr = logs.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child =
                new ProcessBuilder(
                                java,
                                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RunningAtExit.class.getName())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();

        boolean exited = child.waitFor(75, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(exited).as(() -> "child still running; stderr:\n" + read(stderr)).isTrue();
        assertThat(Files.readAllLines(stdout))
                .as(() -> "stderr:\n" + read(stderr))
                .containsExactly("data kept while running: true", "data deleted after close: true");
        assertThat(child.exitValue()).as(() -> "exit status; stderr:\n" + read(stderr)).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Exits with a broker still running, as a test JVM does with the shared broker, whose shutdown
     * hook stops it. Shutdown hooks run concurrently: this one gives any other hook time to touch
     * the broker's data first.
     */
    static final class RunningAtExit {
        public static void main(String[] args) {
            ConsoleLogging.install();
            KafkaBroker broker = KafkaBroker.single();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stopLate(broker), "footwork-kafka-stop"));
            System.exit(0);
        }

        private static void stopLate(KafkaBroker broker) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(
                    "data kept while running: " + Files.isDirectory(broker.dataDirectory()));
            broker.close();
            System.out.println(
                    "data deleted after close: " + Files.notExists(broker.dataDirectory()));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        KafkaBroker another = KafkaBroker.single();
        another.close();

        assertThatCode(another::close).doesNotThrowAnyException();
    }

    @Test
    void theLocalRunsTopicsCarryTheirConfigurationAndAnIngressTopicWithoutItIsCorrected()
            throws Exception {
        // as a topic created on first use would be: the producer's time
        broker.createTopics(1, "footwork.test.plain.v1");
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.INGRESS_COMPLETIONS, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(timestampType(admin, Topics.INGRESS_COMPLETIONS)).isEqualTo("CreateTime");

            LocalTopics.main(new String[] {"--bootstrap", broker.bootstrapServers()});

            for (String ingress : Topics.INGRESS) {
                // a changed configuration reaches the broker through the metadata log, a moment
                // later
                await(ingress + " with the broker's append time")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> timestampType(admin, ingress).equals("LogAppendTime"));
            }
            assertThat(timestampType(admin, Topics.CLASSIFIED)).isEqualTo("CreateTime");
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL);
        }
    }

    private static String timestampType(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource)
                .get("message.timestamp.type")
                .value();
    }
}
