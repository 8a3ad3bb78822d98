package dev.footwork.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.PatientKey;
import dev.footwork.contracts.events.PatientEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes Footwork events the way a producing service or a clinic platform does: CloudEvents
 * binary mode, keyed {@code clinicId:patientRef}, on the event type's topic.
 */
public final class CloudEventRecords {

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
        return KafkaRecords.send(
                bootstrapServers,
                record.topic(),
                record.key(),
                record.value(),
                headers(type, id, source, payload.clinicId(), payload.patientRef()));
    }

    /**
     * The record {@link #publish} writes, for tests that send many events through one producer
     * ({@link KafkaRecords#producer}).
     */
    public static ProducerRecord<String, byte[]> record(
            EventType type, String id, String source, PatientEvent payload) {
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
