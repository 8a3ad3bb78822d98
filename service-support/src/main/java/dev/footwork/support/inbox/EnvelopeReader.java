package dev.footwork.support.inbox;

import static dev.footwork.contracts.CloudEventAttributes.CLINIC_ID;
import static dev.footwork.contracts.CloudEventAttributes.ID;
import static dev.footwork.contracts.CloudEventAttributes.SOURCE;
import static dev.footwork.contracts.CloudEventAttributes.SPEC_VERSION;
import static dev.footwork.contracts.CloudEventAttributes.SPEC_VERSION_VALUE;
import static dev.footwork.contracts.CloudEventAttributes.SUBJECT;
import static dev.footwork.contracts.CloudEventAttributes.TIME;
import static dev.footwork.contracts.CloudEventAttributes.TYPE;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventSchemas;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.PatientKey;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.support.kafka.RecordHeaders;
import dev.footwork.support.security.RecordCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record in CloudEvents binary mode into an {@link InboundEvent}, or explains with a
 * {@link PoisonEventException} why it never can be.
 */
@ApplicationScoped
public class EnvelopeReader {

    private final ObjectMapper mapper;
    private final RecordCredentials credentials;

    EnvelopeReader(ObjectMapper mapper, RecordCredentials credentials) {
        this.mapper = mapper;
        this.credentials = credentials;
    }

    /**
     * The event of a record, read and checked. A record of an ingress topic is read only once its
     * credential authorises its clinic ({@link RecordCredentials}); a record of an internal topic
     * only when its source is the one Footwork service that publishes its type.
     */
    public InboundEvent read(ConsumerRecord<String, byte[]> record, Set<EventType> accepted) {
        if (Topics.isIngress(record.topic())) {
            String clinicId = required(record, CLINIC_ID);
            credentials
                    .refusal(record.headers(), record.timestampType(), record.timestamp(), clinicId)
                    .ifPresent(
                            why -> {
                                throw new PoisonEventException(
                                        RecordCredentials.NOT_AUTHORISED, why);
                            });
        }
        String specVersion = required(record, SPEC_VERSION);
        if (!SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new PoisonEventException(
                    "unsupported-specversion",
                    "CloudEvents specversion '" + specVersion + "' is not supported, expected 1.0");
        }
        String id = required(record, ID);
        String source = required(record, SOURCE);
        String typeName = required(record, TYPE);
        EventType type =
                EventType.ofType(typeName)
                        .orElseThrow(
                                () ->
                                        new PoisonEventException(
                                                "unknown-type",
                                                "unknown CloudEvents type '" + typeName + "'"));
        if (!accepted.contains(type) || !type.topic().equals(record.topic())) {
            throw new PoisonEventException(
                    "unexpected-type",
                    "type '" + typeName + "' is not accepted on topic " + record.topic());
        }
        if (type.source().isPresent() && !type.source().get().equals(source)) {
            throw new PoisonEventException(
                    "unexpected-source",
                    "type '"
                            + typeName
                            + "' is published by "
                            + type.source().get()
                            + " only, not by '"
                            + source
                            + "'");
        }
        String subject = required(record, SUBJECT);
        String clinicId = required(record, CLINIC_ID);
        if (!PatientKey.isToken(subject) || !PatientKey.isToken(clinicId)) {
            throw new PoisonEventException(
                    "invalid-envelope",
                    "subject and clinicid must match " + PatientKey.TOKEN_REGEX);
        }
        Instant time = time(record);
        PatientEvent payload = payload(record, type);
        if (!payload.clinicId().equals(clinicId) || !payload.patientRef().equals(subject)) {
            throw new PoisonEventException(
                    "envelope-mismatch",
                    "payload clinicId/patientRef do not match the clinicid/subject attributes");
        }
        String expectedKey = new PatientKey(clinicId, subject).toString();
        if (record.key() != null && !record.key().equals(expectedKey)) {
            throw new PoisonEventException(
                    "key-mismatch", "record key must be '" + expectedKey + "'");
        }
        return new InboundEvent(type, id, source, clinicId, subject, time, payload);
    }

    private PatientEvent payload(ConsumerRecord<String, byte[]> record, EventType type) {
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonEventException("empty-payload", "the record has no data");
        }
        JsonNode json;
        try {
            json = mapper.readTree(record.value());
        } catch (IOException e) {
            throw new PoisonEventException(
                    "invalid-json", "data is not JSON: " + firstLine(e.getMessage()));
        }
        List<String> violations = EventSchemas.violations(type, json);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(
                    "schema-violation",
                    "data does not match " + type.type() + ": " + String.join("; ", violations));
        }
        try {
            return mapper.treeToValue(json, type.payloadType());
        } catch (JacksonException e) {
            throw new PoisonEventException(
                    "schema-violation", "data cannot be read: " + firstLine(e.getMessage()));
        }
    }

    private static Instant time(ConsumerRecord<String, byte[]> record) {
        return RecordHeaders.text(record.headers(), TIME)
                .map(
                        text -> {
                            try {
                                return Instant.parse(text);
                            } catch (DateTimeParseException e) {
                                throw new PoisonEventException(
                                        "invalid-envelope",
                                        "time '" + text + "' is not an RFC 3339 timestamp");
                            }
                        })
                .orElse(null);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String header) {
        return RecordHeaders.text(record.headers(), header)
                .filter(value -> !value.isBlank())
                .orElseThrow(
                        () ->
                                new PoisonEventException(
                                        "invalid-envelope",
                                        "required CloudEvents header " + header + " is missing"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
