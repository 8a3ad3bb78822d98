package dev.footwork.progress.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.support.HealthEndpoints;
import dev.footwork.progress.support.HealthEndpoints.Answer;
import dev.footwork.testkit.InjectKafkaCluster;
import dev.footwork.testkit.KafkaBroker;
import dev.footwork.testkit.KafkaClusterTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With its only Kafka broker gone, the service answers readiness at once, DOWN within a second,
 * keeps liveness UP, and is ready again by itself once the broker is back.
 */
@ServiceQuarkusTest
@TestProfile(BrokerOutageReadinessTest.OwnBroker.class)
class BrokerOutageReadinessTest {

    /** A broker of this test's own, to stop and start again. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(
                            KafkaClusterTestResource.class,
                            Map.of(KafkaClusterTestResource.BROKERS, "1")));
        }
    }

    @InjectKafkaCluster KafkaBroker cluster;

    @TestHTTPResource("/")
    URI service;

    @Test
    void readinessSaysDownWithinASecondOfTheBrokerGoingAwayAndUpWhenItIsBack() {
        HealthEndpoints health = new HealthEndpoints(service);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        int broker = cluster.brokerIds().iterator().next();

        cluster.stopBroker(broker);
        try {
            long stoppedAt = System.nanoTime();
            Answer down = health.awaitReadiness(503);
            Duration toDown = Duration.ofNanos(System.nanoTime() - stoppedAt);
            System.out.printf(
                    "readiness 503 %d ms after the broker stopped (answered in %d ms): %s%n",
                    toDown.toMillis(), down.took().toMillis(), down.body());
            assertThat(toDown).isLessThan(Duration.ofMillis(1500));
            health.holdThrough(Duration.ofSeconds(5), 503);
        } finally {
            cluster.restartBroker(broker);
        }

        health.awaitReadiness(200);
        assertThat(health.liveness().status()).isEqualTo(200);
    }
}
