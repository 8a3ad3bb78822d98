package dev.footwork.progress.application;

import dev.footwork.contracts.events.AdherenceDropped;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.events.ReassessmentDue;
import dev.footwork.progress.domain.ProgressAlert;
import java.time.Instant;
import java.util.UUID;

/** The progress event that tells of a plan's alert: the one mapping from the domain's alerts. */
public final class AlertEvents {

    private AlertEvents() {}

    /**
     * @param detectedAt the instant of the evaluation that found the alert due
     */
    public static PatientEvent of(
            UUID planId,
            String clinicId,
            String patientRef,
            ProgressAlert alert,
            Instant detectedAt) {
        if (alert instanceof ProgressAlert.PhaseCompleted phase) {
            return new PhaseCompleted(
                    planId,
                    clinicId,
                    patientRef,
                    phase.phase(),
                    phase.adherencePercent(),
                    phase.maxPain(),
                    detectedAt);
        }
        if (alert instanceof ProgressAlert.AdherenceDropped drop) {
            return new AdherenceDropped(
                    planId,
                    clinicId,
                    patientRef,
                    drop.windowDays(),
                    drop.adherencePercent(),
                    drop.thresholdPercent(),
                    detectedAt);
        }
        if (alert instanceof ProgressAlert.PainAboveLimit pain) {
            return new PainRuleBroken(
                    planId,
                    clinicId,
                    patientRef,
                    PainRuleBroken.Rule.ABOVE_THRESHOLD,
                    pain.maxPain(),
                    pain.week(),
                    detectedAt);
        }
        if (alert instanceof ProgressAlert.PainRising rise) {
            return new PainRuleBroken(
                    planId,
                    clinicId,
                    patientRef,
                    PainRuleBroken.Rule.RISING_WEEK_ON_WEEK,
                    rise.meanPain(),
                    rise.week(),
                    detectedAt);
        }
        if (alert instanceof ProgressAlert.ReassessmentDue due) {
            return new ReassessmentDue(planId, clinicId, patientRef, due.dueOn(), detectedAt);
        }
        throw new IllegalArgumentException("no progress event tells of " + alert);
    }
}
