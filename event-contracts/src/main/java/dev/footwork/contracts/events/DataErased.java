package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A service's confirmation that it has erased a patient's data for an erasure request. */
public interface DataErased extends PatientEvent {

    UUID erasureId();

    Instant erasedAt();
}
