package dev.footwork.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the JSON Schemas and the Java contracts from drifting apart: one schema per event type and
 * no other, and each schema describing exactly the components of its record.
 */
class SchemaCoverageTest {
    private static final ObjectMapper MAPPER = EventJson.newMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaResource(EventType type) {
        assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                .as(type.schemaResource())
                .isNotNull();
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws Exception {
        URL folder = getClass().getClassLoader().getResource("schemas");
        assertThat(folder).isNotNull();
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(p -> "schemas/" + p.getFileName()).collect(Collectors.toSet());
        }

        assertThat(files)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::schemaResource).toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIdentifiesItself(EventType type) {
        JsonNode schema = SchemaValidation.document(type);

        assertThat(schema.path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith("/" + type.schemaResource());
        assertThat(schema.path("title").asText()).isEqualTo(type.payloadType().getSimpleName());
        assertThat(schema.path("description").asText()).contains(type.type());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecord(EventType type) {
        JsonNode schema = SchemaValidation.document(type);

        assertMatches(type.payloadType().getSimpleName(), type.payloadType(), schema, schema);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void tenantAndPatientUseTheRecordKeyTokenPattern(EventType type) {
        JsonNode schema = SchemaValidation.document(type);

        for (String name : List.of("clinicId", "patientRef")) {
            JsonNode property = resolve(schema.path("properties").path(name), schema);
            assertThat(property.path("pattern").asText())
                    .as(name)
                    .isEqualTo(PatientKey.TOKEN_REGEX);
        }
    }

    /**
     * Checks one record against its (sub)schema: the same property names, primitives required,
     * matching JSON types, enums with exactly the values Jackson writes, nested records alike.
     */
    private static void assertMatches(
            String where, Class<?> record, JsonNode schema, JsonNode root) {
        assertThat(schema.path("type").asText()).as(where).isEqualTo("object");
        RecordComponent[] components = record.getRecordComponents();
        Set<String> names =
                Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> required = texts(schema.path("required"));

        assertThat(fieldNames(schema.path("properties")))
                .as(where + " properties")
                .isEqualTo(names);
        assertThat(names).as(where + " required").containsAll(required);

        for (RecordComponent component : components) {
            String path = where + "." + component.getName();
            JsonNode property = resolve(schema.path("properties").path(component.getName()), root);
            assertThat(
                            schema.path("properties")
                                    .path(component.getName())
                                    .path("description")
                                    .asText())
                    .as(path + " description")
                    .isNotBlank();
            if (component.getType().isPrimitive()) {
                assertThat(required)
                        .as(path + " is primitive, so required")
                        .contains(component.getName());
            }
            Class<?> type = component.getType();
            if (type == List.class) {
                assertThat(property.path("type").asText()).as(path).isEqualTo("array");
                type =
                        (Class<?>)
                                ((ParameterizedType) component.getGenericType())
                                        .getActualTypeArguments()[0];
                property = resolve(property.path("items"), root);
                path = path + "[]";
            }
            assertType(path, type, property, root);
        }
    }

    private static void assertType(String path, Class<?> type, JsonNode property, JsonNode root) {
        if (type.isRecord()) {
            assertMatches(path, type, property, root);
        } else if (type.isEnum()) {
            Set<String> written =
                    Arrays.stream(type.getEnumConstants())
                            .map(constant -> MAPPER.valueToTree(constant).asText())
                            .collect(Collectors.toSet());
            assertThat(property.path("type").asText()).as(path).isEqualTo("string");
            assertThat(texts(property.path("enum"))).as(path + " enum").isEqualTo(written);
        } else if (type == int.class || type == Integer.class) {
            assertThat(property.path("type").asText()).as(path).isEqualTo("integer");
        } else if (type == double.class || type == BigDecimal.class) {
            assertThat(property.path("type").asText()).as(path).isEqualTo("number");
        } else if (type == boolean.class) {
            assertThat(property.path("type").asText()).as(path).isEqualTo("boolean");
        } else if (type == String.class) {
            assertThat(property.path("type").asText()).as(path).isEqualTo("string");
        } else if (type == UUID.class) {
            assertFormat(path, property, "uuid");
        } else if (type == Instant.class) {
            assertFormat(path, property, "date-time");
        } else if (type == LocalDate.class) {
            assertFormat(path, property, "date");
        } else {
            throw new AssertionError(path + ": no rule for " + type);
        }
    }

    private static void assertFormat(String path, JsonNode property, String format) {
        assertThat(property.path("type").asText()).as(path).isEqualTo("string");
        assertThat(property.path("format").asText()).as(path).isEqualTo(format);
    }

    /** Follows a local {@code $ref}; the schemas are self-contained, so no other kind exists. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        assertThat(ref).startsWith("#/");
        JsonNode target = root.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return resolve(target, root);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
