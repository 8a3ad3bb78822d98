package dev.footwork.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks the hand-written AsyncAPI document against the topics and event types in code. */
class AsyncApiTest {
    private static final String DOCUMENT = "asyncapi.yaml";
    private static final Set<String> DEAD_LETTER_TOPICS =
            Set.of(
                    Topics.ASSESSMENT_DEAD_LETTER,
                    Topics.EXERCISE_DEAD_LETTER,
                    Topics.PROGRESS_DEAD_LETTER);

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("servers").elements())
                .toIterable()
                .anySatisfy(
                        server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
    }

    @Test
    void channelsAreExactlyTheTopics() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOnItsTopic(EventType type) {
        JsonNode message = messagesOn(type.topic()).get(type.type());

        assertThat(message).as("message %s on %s", type.type(), type.topic()).isNotNull();
        assertThat(headerConst(message, "ce_type")).isEqualTo(type.type());
        assertThat(message.path("payload").path("schema").path("$ref").asText())
                .isEqualTo("./" + type.schemaResource());
        String source = headerConst(message, "ce_source");
        if (source != null) {
            assertThat(type.source()).contains(source);
        }
    }

    @Test
    void dataTopicsCarryNoMessageTheCodeDoesNotKnow() {
        for (String topic : Topics.ALL) {
            if (DEAD_LETTER_TOPICS.contains(topic)) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    expected.add(type.type());
                }
            }

            assertThat(messagesOn(topic).keySet()).as(topic).isEqualTo(expected);
        }
    }

    @Test
    void everyRefResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(ref).startsWith("./");
                assertThat(getClass().getClassLoader().getResource(ref.substring(2)))
                        .as(ref)
                        .isNotNull();
            }
        }
    }

    @Test
    void operationsOnlyUseMessagesOfTheirChannel() {
        doc.path("operations")
                .fields()
                .forEachRemaining(
                        entry -> {
                            JsonNode operation = entry.getValue();
                            String channel = operation.path("channel").path("$ref").asText();
                            assertThat(operation.path("action").asText())
                                    .as(entry.getKey())
                                    .isIn("send", "receive");
                            assertThat(operation.path("messages")).as(entry.getKey()).isNotEmpty();
                            operation
                                    .path("messages")
                                    .forEach(
                                            m ->
                                                    assertThat(m.path("$ref").asText())
                                                            .as(entry.getKey())
                                                            .startsWith(channel + "/messages/"));
                        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsSentAndReceived(EventType type) {
        assertThat(operationsCarrying(type, "send")).as("senders of " + type.type()).isNotEmpty();
        assertThat(operationsCarrying(type, "receive"))
                .as("receivers of " + type.type())
                .isNotEmpty();
    }

    @Test
    void deadLetterTopicsHaveSendersAndReasonHeaders() {
        for (String topic : DEAD_LETTER_TOPICS) {
            JsonNode message = messagesOn(topic).get("dead-letter");
            assertThat(message).as(topic).isNotNull();
            JsonNode headers = resolve(message.path("headers"));
            assertThat(texts(headers.path("required")))
                    .contains(
                            CloudEventAttributes.DEAD_LETTER_REASON,
                            CloudEventAttributes.DEAD_LETTER_TOPIC);
        }
        assertThat(doc.path("operations").elements())
                .toIterable()
                .filteredOn(op -> op.path("action").asText().equals("send"))
                .extracting(op -> address(resolve(op.path("channel"))))
                .containsAll(DEAD_LETTER_TOPICS);
    }

    @Test
    void headersAreTheOnesInCloudEventAttributes() {
        JsonNode schemas = doc.path("components").path("schemas");

        assertThat(fieldNames(schemas.path("cloudEventHeaders").path("properties")))
                .containsExactlyInAnyOrder(
                        CloudEventAttributes.ID,
                        CloudEventAttributes.SPEC_VERSION,
                        CloudEventAttributes.TYPE,
                        CloudEventAttributes.SOURCE,
                        CloudEventAttributes.SUBJECT,
                        CloudEventAttributes.TIME,
                        CloudEventAttributes.CLINIC_ID,
                        CloudEventAttributes.CONTENT_TYPE);
        assertThat(fieldNames(schemas.path("deadLetterHeaders").path("properties")))
                .containsExactlyInAnyOrder(
                        CloudEventAttributes.DEAD_LETTER_REASON,
                        CloudEventAttributes.DEAD_LETTER_CAUSE,
                        CloudEventAttributes.DEAD_LETTER_CONSUMER,
                        CloudEventAttributes.DEAD_LETTER_TOPIC,
                        CloudEventAttributes.DEAD_LETTER_PARTITION,
                        CloudEventAttributes.DEAD_LETTER_OFFSET);
        assertThat(
                        schemas.path("cloudEventHeaders")
                                .path("properties")
                                .path(CloudEventAttributes.SPEC_VERSION)
                                .path("const")
                                .asText())
                .isEqualTo(CloudEventAttributes.SPEC_VERSION_VALUE);
    }

    @Test
    void recordKeyIsClinicIdColonPatientRef() {
        JsonNode key =
                doc.path("components")
                        .path("messageTraits")
                        .path("patientKeyed")
                        .path("bindings")
                        .path("kafka")
                        .path("key");
        String token = PatientKey.TOKEN_REGEX.substring(1, PatientKey.TOKEN_REGEX.length() - 1);

        assertThat(key.path("pattern").asText()).isEqualTo("^" + token + ":" + token + "$");
        assertThat(PatientKey.parse(key.path("examples").get(0).asText()).toString())
                .isEqualTo(key.path("examples").get(0).asText());
    }

    /** The messages of the channel with this address, by message name, $refs resolved. */
    private static Map<String, JsonNode> messagesOn(String topic) {
        JsonNode channel = null;
        for (JsonNode candidate : doc.path("channels")) {
            if (address(candidate).equals(topic)) {
                channel = candidate;
            }
        }
        assertThat(channel).as("channel for " + topic).isNotNull();
        List<JsonNode> messages = new ArrayList<>();
        channel.path("messages").forEach(m -> messages.add(resolve(m)));
        return messages.stream().collect(Collectors.toMap(m -> m.path("name").asText(), m -> m));
    }

    private static List<String> operationsCarrying(EventType type, String action) {
        List<String> found = new ArrayList<>();
        doc.path("operations")
                .fields()
                .forEachRemaining(
                        entry -> {
                            JsonNode operation = entry.getValue();
                            if (!operation.path("action").asText().equals(action)
                                    || !address(resolve(operation.path("channel")))
                                            .equals(type.topic())) {
                                return;
                            }
                            operation
                                    .path("messages")
                                    .forEach(
                                            m -> {
                                                if (resolve(m)
                                                        .path("name")
                                                        .asText()
                                                        .equals(type.type())) {
                                                    found.add(entry.getKey());
                                                }
                                            });
                        });
        return found;
    }

    /** A const the message's headers schema pins, or null when the header may vary. */
    private static String headerConst(JsonNode message, String header) {
        JsonNode headers = resolve(message.path("headers"));
        List<JsonNode> parts = new ArrayList<>();
        parts.add(headers);
        headers.path("allOf").forEach(part -> parts.add(resolve(part)));
        for (JsonNode part : parts) {
            JsonNode value = part.path("properties").path(header).path("const");
            if (!value.isMissingNode()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String address(JsonNode channel) {
        return channel.path("address").asText();
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = doc.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return resolve(target);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            field -> {
                                if (field.getKey().equals("$ref")) {
                                    refs.add(field.getValue().asText());
                                } else {
                                    collectRefs(field.getValue(), refs);
                                }
                            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
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
