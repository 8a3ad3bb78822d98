package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = KafkaClusterTestResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
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
