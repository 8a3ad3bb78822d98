package dev.footwork.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.PatientKey;
import dev.footwork.contracts.events.PatientEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes Footwork events the way a producing service or a clinic platform does: CloudEvents
 * binary mode, keyed {@code clinicId:patientRef}, on the event type's topic.
 */
public final class CloudEventRecords {

    /** The role of a clinic platform's token. */
    public static final String PLATFORM_ROLE = "integration";

    private static final ObjectMapper JSON = EventJson.newMapper();

    private CloudEventRecords() {}

    /** Publishes a payload with the given CloudEvents id and source. */
    public static RecordMetadata publish(
            String bootstrapServers,
            EventType type,
            String id,
            String source,
            PatientEvent payload) {
        ProducerRecord<String, byte[]> record = record(type, id, source, payload);
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers()
                .forEach(
                        header ->
                                headers.put(
                                        header.key(),
                                        new String(header.value(), StandardCharsets.UTF_8)));
        return KafkaRecords.send(
                bootstrapServers, record.topic(), record.key(), record.value(), headers);
    }

    /**
     * The record {@link #publish} writes, for tests that send many events through one producer
     * ({@link KafkaRecords#producer}). A record of an ingress topic carries the credential a clinic
     * platform sends: an integration token for the payload's clinic, signed by the shared test key
     * ({@link DevTokens#shared()}), which {@link JwtTestResource} and the system tests make the
     * services trust; {@link #record(EventType, String, String, PatientEvent, Optional)} chooses
     * another one.
     */
    public static ProducerRecord<String, byte[]> record(
            EventType type, String id, String source, PatientEvent payload) {
        return record(
                type,
                id,
                source,
                payload,
                type.ingress()
                        ? Optional.of(DevTokens.bearer(PLATFORM_ROLE, payload.clinicId()))
                        : Optional.empty());
    }

    /**
     * The record of an event with {@code authorization} as its credential header, or without one.
     */
    public static ProducerRecord<String, byte[]> record(
            EventType type,
            String id,
            String source,
            PatientEvent payload,
            Optional<String> authorization) {
        byte[] value;
        try {
            value = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + payload, e);
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(
                        type.topic(),
                        new PatientKey(payload.clinicId(), payload.patientRef()).toString(),
                        value);
        headers(type, id, source, payload.clinicId(), payload.patientRef())
                .forEach(
                        (name, headerValue) ->
                                record.headers()
                                        .add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        authorization.ifPresent(
                credential ->
                        record.headers()
                                .add(
                                        CloudEventAttributes.AUTHORIZATION,
                                        credential.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The binary-mode headers of an event, for tests that publish a hand-made value. */
    public static Map<String, String> headers(
            EventType type, String id, String source, String clinicId, String patientRef) {
        return Map.of(
                CloudEventAttributes.SPEC_VERSION, CloudEventAttributes.SPEC_VERSION_VALUE,
                CloudEventAttributes.ID, id,
                CloudEventAttributes.SOURCE, source,
                CloudEventAttributes.TYPE, type.type(),
                CloudEventAttributes.SUBJECT, patientRef,
                CloudEventAttributes.CLINIC_ID, clinicId,
                CloudEventAttributes.CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE_JSON);
    }
}
