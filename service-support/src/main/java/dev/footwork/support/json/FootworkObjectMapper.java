package dev.footwork.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Gives the Quarkus-managed mapper (REST and events) the one Footwork JSON configuration. */
@Singleton
public class FootworkObjectMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
