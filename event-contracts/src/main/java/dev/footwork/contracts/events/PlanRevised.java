package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.PlanContent;
import java.time.Instant;
import java.util.UUID;

/** A new revision of an existing plan; {@code plan} is the whole plan as it now stands. */
public record PlanRevised(
        UUID planId,
        String clinicId,
        String patientRef,
        int revision,
        Instant revisedAt,
        Reason reason,
        PlanContent plan)
        implements PatientEvent {

    /** What caused the revision. */
    public enum Reason {
        CLINICIAN_ADJUSTMENT,
        PHASE_ADVANCED,
        LOAD_REDUCED,
        PAUSED,
        RESUMED,
        SUPERSEDED
    }
}
