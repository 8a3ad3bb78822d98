package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Another profile makes Quarkus restart; the broker of the first application must serve on. */
@QuarkusTest
@TestProfile(RestartedApplicationQuarkusTest.OtherProfile.class)
class RestartedApplicationQuarkusTest {
    public static class OtherProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footwork.test.profile", "other");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void sharesTheBrokerAcrossApplicationRestarts() {
        KafkaRecords.send(bootstrapServers, "footwork.test.restarted.v1", "k", "v", Map.of());

        assertThat(bootstrapServers)
                .isEqualTo(System.getProperty("footwork.testkit.kafka.bootstrap-servers"));
        assertThat(
                        KafkaRecords.poll(
                                bootstrapServers,
                                "footwork.test.restarted.v1",
                                1,
                                Duration.ofSeconds(10)))
                .hasSize(1);
    }
}
