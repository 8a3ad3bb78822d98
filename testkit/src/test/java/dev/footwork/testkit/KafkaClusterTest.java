package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {
    private static final String TOPIC = "footwork.test.replicated.v1";

    @Test
    void acksAllWritesSurviveOneStoppedBrokerAndAreRefusedWithTwo() throws Exception {
        try (KafkaBroker cluster = KafkaBroker.cluster(3)) {
            cluster.createTopics(1, TOPIC);
            assertThat(replicationFactor(cluster)).isEqualTo(3);
            List<Integer> ids = new ArrayList<>(cluster.brokerIds());

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                assertThat(send(producer, "all up").hasOffset()).isTrue();

                cluster.stopBroker(ids.get(0));
                assertThat(send(producer, "one down").hasOffset()).isTrue();

                cluster.stopBroker(ids.get(1));
                assertThatThrownBy(() -> send(producer, "two down"))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOfAny(NotEnoughReplicasException.class, TimeoutException.class);

                cluster.restartBroker(ids.get(0));
                assertThat(send(producer, "one back").hasOffset()).isTrue();
            }
        }
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String value)
            throws Exception {
        return producer.send(new ProducerRecord<>(TOPIC, "patient-1", value))
                .get(10, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, String> producer(KafkaBroker cluster) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        // fail within seconds when the write cannot reach min.insync.replicas
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        3000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static int replicationFactor(KafkaBroker cluster) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                cluster.bootstrapServers()))) {
            return admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get()
                    .get(TOPIC)
                    .partitions()
                    .get(0)
                    .replicas()
                    .size();
        }
    }
}
