package dev.footwork.support.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a versioned rule file (classification thresholds, plan rules) from the classpath ({@code
 * classpath:rules/x.json}) or from a file an operator mounts (a plain path).
 */
public final class RuleFiles {

    private RuleFiles() {}

    public static <T> T read(String location, Class<T> type, ObjectMapper mapper) {
        try (InputStream in = open(location)) {
            // a misspelt threshold must not be dropped silently
            return mapper.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in =
                    Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no classpath resource " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
