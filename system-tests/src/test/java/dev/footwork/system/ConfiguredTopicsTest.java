package dev.footwork.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every topic a service is configured to read or dead-letter to is a contract topic, and so is
 * described by the AsyncAPI document (whose own test checks it against {@link Topics#ALL}).
 */
class ConfiguredTopicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"assessment-service", "exercise-service", "progress-service"})
    void everyConfiguredTopicIsAContractTopic(String service) throws IOException {
        Properties config = new Properties();
        Path file = Path.of("..", service, "src/main/resources/application.properties");
        try (InputStream in = Files.newInputStream(file)) {
            config.load(in);
        }
        List<String> topics =
                config.stringPropertyNames().stream()
                        .filter(key -> key.endsWith(".topic") || key.endsWith("dead-letter-topic"))
                        .map(config::getProperty)
                        .toList();

        assertThat(topics).isNotEmpty().allSatisfy(topic -> assertThat(Topics.ALL).contains(topic));
        assertThat(topics)
                .contains("footwork." + service.replace("-service", "") + ".dead-letter.v1");
    }
}
