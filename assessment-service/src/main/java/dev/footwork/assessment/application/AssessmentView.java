package dev.footwork.assessment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.domain.Evidence;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.assessment.persistence.FootResult;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An assessment as the API returns it to the clinic. */
public record AssessmentView(
        UUID id,
        String clinicId,
        String patientRef,
        Instant assessedAt,
        String assessor,
        RunningContext runningContext,
        String notes,
        String ruleSetVersion,
        UUID previousAssessmentId,
        UUID supersededBy,
        boolean asymmetry,
        List<FootView> feet) {

    /** One foot's measures and classification with its evidence. */
    public record FootView(
            Side side,
            List<Integer> fpiItems,
            Integer fpiTotal,
            BigDecimal navicularDropMm,
            BigDecimal calcanealStanceDegrees,
            BigDecimal peakRearfootEversionDegrees,
            BigDecimal archHeightIndex,
            PostureLevel level,
            PostureLevel.Posture posture,
            PostureLevel.Severity severity,
            PostureLevel.Alignment alignment,
            double confidence,
            List<String> decidedBy,
            List<Evidence> evidence,
            List<String> explanation) {}

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    static AssessmentView of(Assessment a, ObjectMapper mapper) {
        RunningContext context =
                a.weeklyDistanceKm == null && a.shoeType == null
                        ? null
                        : new RunningContext(
                                a.weeklyDistanceKm,
                                a.shoeType == null
                                        ? null
                                        : RunningContext.ShoeType.valueOf(a.shoeType));
        return new AssessmentView(
                a.id,
                a.clinicId,
                a.patientRef,
                a.assessedAt,
                a.assessor,
                context,
                a.notes,
                a.ruleSetVersion,
                a.previousAssessmentId,
                a.supersededBy,
                a.asymmetry,
                a.feet.stream().map(f -> foot(f, mapper)).toList());
    }

    private static FootView foot(FootResult f, ObjectMapper mapper) {
        return new FootView(
                f.side,
                f.fpiItems == null
                        ? null
                        : Arrays.stream(f.fpiItems.split(",")).map(Integer::valueOf).toList(),
                f.fpiTotal,
                f.navicularDropMm,
                f.calcanealStanceDegrees,
                f.runningEversionDegrees,
                f.archHeightIndex,
                f.level,
                f.level.posture(),
                f.level.severity(),
                f.level.alignment(),
                f.confidence.doubleValue(),
                List.of(f.decidedBy.split(",")),
                evidence(f.evidence, mapper),
                List.of(f.explanation.split("\n")));
    }

    private static List<Evidence> evidence(String json, ObjectMapper mapper) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is unreadable", e);
        }
    }
}
