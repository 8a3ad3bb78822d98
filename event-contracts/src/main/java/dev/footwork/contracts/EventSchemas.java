package dev.footwork.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates event payloads against the JSON Schemas shipped in this module. Producers' tests and
 * every consumer use it, so a payload that breaks its contract is caught on both sides.
 */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {}

    /**
     * Checks a payload against the schema of its event type.
     *
     * @return one line per violation, each naming the JSON path, empty when the payload is valid
     */
    public static List<String> violations(EventType type, JsonNode payload) {
        return SCHEMAS.get(type).validate(payload).stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getError())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            schemas.put(
                    type,
                    factory.getSchema(
                            SchemaLocation.of("classpath:" + type.schemaResource()), config));
        }
        return schemas;
    }
}
