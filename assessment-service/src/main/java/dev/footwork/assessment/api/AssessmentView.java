package dev.footwork.assessment.api;

import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.assessment.persistence.FootResult;
import dev.footwork.contracts.events.PostureLevel;
import dev.footwork.contracts.events.Side;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An assessment as the API returns it. */
public record AssessmentView(
        UUID id,
        String clinicId,
        String patientRef,
        Instant assessedAt,
        String assessor,
        String ruleSetVersion,
        UUID previousAssessmentId,
        boolean asymmetry,
        List<FootView> feet) {

    /** One foot's classification with its evidence. */
    public record FootView(
            Side side,
            List<Integer> fpiItems,
            Integer fpiTotal,
            PostureLevel level,
            PostureLevel.Posture posture,
            PostureLevel.Severity severity,
            PostureLevel.Alignment alignment,
            double confidence,
            List<String> decidedBy,
            List<String> explanation) {}

    static AssessmentView of(Assessment a) {
        return new AssessmentView(
                a.id,
                a.clinicId,
                a.patientRef,
                a.assessedAt,
                a.assessor,
                a.ruleSetVersion,
                a.previousAssessmentId,
                a.asymmetry,
                a.feet.stream().map(AssessmentView::foot).toList());
    }

    private static FootView foot(FootResult f) {
        return new FootView(
                f.side,
                f.fpiItems == null
                        ? null
                        : Arrays.stream(f.fpiItems.split(",")).map(Integer::valueOf).toList(),
                f.fpiTotal,
                f.level,
                f.level.posture(),
                f.level.severity(),
                f.level.alignment(),
                f.confidence.doubleValue(),
                List.of(f.decidedBy.split(",")),
                List.of(f.explanation.split("\n")));
    }
}
