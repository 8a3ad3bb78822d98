package dev.footwork.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.PatientKey;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.support.erasure.PatientLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records events in the caller's transaction. Nothing reaches Kafka unless the business change
 * commits; after the commit the relay is woken and publishes within milliseconds.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final PatientLock patientLock;
    private final Clock clock;

    Outbox(
            ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            PatientLock patientLock,
            Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
        this.patientLock = patientLock;
        this.clock = clock;
    }

    /**
     * Adds an event to the outbox. The row is inserted under the patient's lock, so a patient's
     * rows are numbered in the order their transactions commit: two concurrent transactions about
     * one patient cannot be published in the opposite order. (Use cases that decide from the
     * patient's data take the lock before reading it; asked again here, it costs no statement.)
     *
     * @param occurredAt when the fact happened (the CloudEvents {@code time})
     * @return the event id, which the CloudEvent will carry
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(PatientEvent payload, Instant occurredAt) {
        EventType type = EventType.of(payload.getClass());
        PatientKey key = new PatientKey(payload.clinicId(), payload.patientRef());
        patientLock.lock(key.clinicId(), key.patientRef());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.eventType = type.type();
        row.source =
                type.source()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                type + " is not produced by Footwork services"));
        row.clinicId = key.clinicId();
        row.patientRef = key.patientRef();
        row.occurredAt = occurredAt;
        row.payload = toJson(payload);
        row.createdAt = clock.instant();
        row.persist();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return row.id;
    }

    private String toJson(PatientEvent payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + payload.getClass(), e);
        }
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
