package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = KafkaTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {
            @ResourceArg(name = KafkaTestResource.TOPICS, value = "footwork.test.up-front.v1"),
            @ResourceArg(name = KafkaTestResource.PARTITIONS, value = "3")
        })
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TestResourcesQuarkusTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "quarkus.devservices.enabled")
    boolean devServices;

    @Test
    void applicationGetsTheBrokerAndItsOwnDatabase() throws SQLException {
        KafkaRecords.send(bootstrapServers, "footwork.test.up-front.v1", "k", "v", Map.of());

        assertThat(
                        KafkaRecords.poll(
                                bootstrapServers,
                                "footwork.test.up-front.v1",
                                1,
                                Duration.ofSeconds(10)))
                .extracting(record -> record.partition())
                .allMatch(partition -> partition < 3);
        assertThat(jdbcUrl).endsWith("/footwork_test");
        assertThat(
                        PostgresServerTest.query(
                                new JdbcDatabase(jdbcUrl, username, password),
                                "SELECT current_database()"))
                .isEqualTo("footwork_test");
        assertThat(devServices).isFalse();
    }
}
