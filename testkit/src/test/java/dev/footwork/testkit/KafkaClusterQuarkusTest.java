package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaClusterTestResource.class, restrictToAnnotatedClass = true)
class KafkaClusterQuarkusTest {
    @InjectKafkaCluster KafkaBroker cluster;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void applicationGetsTheClusterAndTheTestCanReachIt() {
        assertThat(cluster).isNotNull();
        assertThat(cluster.brokerIds()).hasSize(3);
        assertThat(bootstrapServers).isEqualTo(cluster.bootstrapServers());
    }
}
