package dev.footwork.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Pain exceeded what the pain-monitoring model accepts: the load should be reduced. */
public record PainRuleBroken(
        UUID planId,
        String clinicId,
        String patientRef,
        Rule rule,
        double pain,
        int week,
        Instant detectedAt)
        implements PatientEvent {

    /** Which part of the rule was broken. */
    public enum Rule {
        ABOVE_THRESHOLD,
        RISING_WEEK_ON_WEEK
    }
}
