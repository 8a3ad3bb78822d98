package dev.footwork.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The schemas as tests need them: the validator's messages with keyword and location (which the
 * one-line form of {@link EventSchemas} leaves out) and the schema documents themselves. Formats
 * (uuid, date-time, date) are asserted, as in {@link EventSchemas}: under draft 2020-12 the
 * validator treats {@code format} as an annotation only unless told otherwise.
 */
public final class SchemaValidation {
    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private SchemaValidation() {}

    /** The compiled schema of an event type's payload. */
    public static synchronized JsonSchema of(EventType type) {
        return SCHEMAS.computeIfAbsent(
                type,
                t ->
                        FACTORY.getSchema(
                                SchemaLocation.of("classpath:" + t.schemaResource()), CONFIG));
    }

    /** Validation errors of a JSON payload; empty when it is valid. */
    public static Set<ValidationMessage> validate(EventType type, JsonNode payload) {
        return of(type).validate(payload);
    }

    /** Serialises a payload record with {@link EventJson}, as on the wire, and validates it. */
    public static Set<ValidationMessage> validate(EventType type, Object payload) {
        try {
            return validate(type, MAPPER.readTree(MAPPER.writeValueAsString(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema document itself, as JSON. */
    public static JsonNode document(EventType type) {
        try (InputStream in =
                SchemaValidation.class
                        .getClassLoader()
                        .getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + type.schemaResource());
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
