package dev.footwork.support.inbox;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientEvent;
import java.time.Instant;

/**
 * A consumed CloudEvent whose envelope and payload passed every check.
 *
 * @param time when the fact happened, when the producer said so
 */
public record InboundEvent(
        EventType type,
        String id,
        String source,
        String clinicId,
        String patientRef,
        Instant time,
        PatientEvent payload) {

    public <T extends PatientEvent> T payload(Class<T> expected) {
        return expected.cast(payload);
    }
}
