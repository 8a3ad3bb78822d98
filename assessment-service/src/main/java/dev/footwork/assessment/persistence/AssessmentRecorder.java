package dev.footwork.assessment.persistence;

import dev.footwork.assessment.domain.FootClassification;
import dev.footwork.assessment.domain.FootInput;
import dev.footwork.assessment.domain.FootPostureClassifier;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Classifies an assessment, stores it, and records its FootClassified event, all in one
 * transaction.
 */
@ApplicationScoped
public class AssessmentRecorder {

    private final FootPostureClassifier classifier;
    private final Outbox outbox;

    AssessmentRecorder(FootPostureClassifier classifier, Outbox outbox) {
        this.classifier = classifier;
        this.outbox = outbox;
    }

    /** What arrived: validated input from REST or from the measurements topic. */
    public record Submission(
            String clinicId,
            String patientRef,
            Instant assessedAt,
            String assessor,
            List<FootInput> feet) {}

    @Transactional
    public Assessment record(Submission submission) {
        List<FootClassification> results =
                submission.feet().stream()
                        .sorted(Comparator.comparing(FootInput::side))
                        .map(classifier::classify)
                        .toList();

        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.clinicId = submission.clinicId();
        assessment.patientRef = submission.patientRef();
        assessment.assessedAt = submission.assessedAt();
        assessment.assessor = submission.assessor();
        assessment.ruleSetVersion = classifier.rules().version();
        assessment.previousAssessmentId =
                Assessment.latestOf(submission.clinicId(), submission.patientRef())
                        .map(previous -> previous.id)
                        .orElse(null);
        assessment.asymmetry = classifier.asymmetric(results);
        assessment.createdAt = Instant.now();
        for (FootClassification result : results) {
            FootInput input =
                    submission.feet().stream()
                            .filter(f -> f.side() == result.side())
                            .findFirst()
                            .orElseThrow();
            assessment.feet.add(toRow(input, result));
        }
        assessment.persist();

        outbox.add(toEvent(assessment, results), assessment.assessedAt);
        return assessment;
    }

    private static FootResult toRow(FootInput input, FootClassification result) {
        FootResult row = new FootResult();
        row.side = result.side();
        row.fpiItems =
                input.fpiItems() == null
                        ? null
                        : input.fpiItems().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(","));
        row.fpiTotal = result.fpiTotal();
        row.level = result.level();
        row.confidence = BigDecimal.valueOf(result.confidence());
        row.decidedBy = String.join(",", result.decidedBy());
        row.explanation = String.join("\n", result.explanation());
        return row;
    }

    private static FootClassified toEvent(Assessment assessment, List<FootClassification> results) {
        return new FootClassified(
                assessment.id,
                assessment.clinicId,
                assessment.patientRef,
                assessment.assessedAt,
                assessment.ruleSetVersion,
                assessment.previousAssessmentId,
                assessment.asymmetry,
                results.stream()
                        .map(
                                r ->
                                        new FootClassified.FootResult(
                                                r.side(),
                                                r.level(),
                                                r.level().posture(),
                                                r.level().severity(),
                                                r.level().alignment(),
                                                r.confidence(),
                                                r.fpiTotal(),
                                                r.decidedBy()))
                        .toList());
    }
}
