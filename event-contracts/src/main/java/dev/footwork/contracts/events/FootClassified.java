package dev.footwork.contracts.events;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The classification of one assessment: a result per assessed foot.
 *
 * @param previousAssessmentId the assessment this one supersedes, or null for the first
 * @param asymmetry whether the feet differ enough to be worth a clinician's attention
 */
public record FootClassified(
        UUID assessmentId,
        String clinicId,
        String patientRef,
        Instant assessedAt,
        String ruleSetVersion,
        UUID previousAssessmentId,
        boolean asymmetry,
        List<FootResult> feet)
        implements PatientEvent {

    /**
     * One foot's result.
     *
     * @param confidence 0..1, lower when measures disagree or only weak measures exist
     * @param decidedBy the measures that decided the level, e.g. {@code fpi6}
     */
    public record FootResult(
            Side side,
            PostureLevel level,
            PostureLevel.Posture posture,
            PostureLevel.Severity severity,
            PostureLevel.Alignment alignment,
            double confidence,
            Integer fpiTotal,
            List<String> decidedBy) {}
}
