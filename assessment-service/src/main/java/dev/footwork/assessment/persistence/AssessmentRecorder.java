package dev.footwork.assessment.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.domain.FootClassification;
import dev.footwork.assessment.domain.FootInput;
import dev.footwork.assessment.domain.FootPostureClassifier;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Classifies an assessment, stores it, marks the one it supersedes, and records its FootClassified
 * event, all in one transaction.
 */
@ApplicationScoped
public class AssessmentRecorder {

    private final FootPostureClassifier classifier;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    AssessmentRecorder(FootPostureClassifier classifier, Outbox outbox, ObjectMapper mapper) {
        this.classifier = classifier;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** What arrived: validated input from REST or from the measurements topic. */
    public record Submission(
            String clinicId,
            String patientRef,
            Instant assessedAt,
            String assessor,
            BigDecimal weeklyDistanceKm,
            String shoeType,
            String notes,
            List<FootInput> feet) {}

    /**
     * A client's promise that requests with the same key are the same request.
     *
     * @param requestHash a digest of the request body, to tell a retry from a different request
     */
    public record IdempotencyKey(String key, String requestHash) {}

    /** The stored assessment, and whether an earlier request with the same key created it. */
    public record Recorded(Assessment assessment, boolean replayed) {}

    @Transactional
    public Recorded record(Submission submission, Optional<IdempotencyKey> idempotency) {
        if (idempotency.isPresent()) {
            Optional<Assessment> earlier = earlierFor(submission.clinicId(), idempotency.get());
            if (earlier.isPresent()) {
                return new Recorded(earlier.get(), true);
            }
        }
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
        assessment.weeklyDistanceKm = submission.weeklyDistanceKm();
        assessment.shoeType = submission.shoeType();
        assessment.notes = submission.notes();
        assessment.ruleSetVersion = classifier.rules().version();
        assessment.asymmetry = classifier.asymmetric(results);
        assessment.createdAt = Instant.now();
        for (FootClassification result : results) {
            FootInput input =
                    submission.feet().stream()
                            .filter(f -> f.side() == result.side())
                            .findFirst()
                            .orElseThrow();
            assessment.feet.add(toRow(assessment.clinicId, input, result));
        }
        Optional<Assessment> previous = Assessment.latestOf(submission.patientRef());
        assessment.previousAssessmentId = previous.map(p -> p.id).orElse(null);
        assessment.persist();
        previous.ifPresent(p -> p.supersededBy = assessment.id);

        idempotency.ifPresent(
                key -> {
                    AssessmentRequest request = new AssessmentRequest();
                    request.key = new AssessmentRequest.Key(submission.clinicId(), key.key());
                    request.requestHash = key.requestHash();
                    request.assessmentId = assessment.id;
                    request.createdAt = assessment.createdAt;
                    // a concurrent request with the same key fails here and is answered by retrying
                    request.persistAndFlush();
                });

        outbox.add(toEvent(assessment, results), assessment.assessedAt);
        return new Recorded(assessment, false);
    }

    private static Optional<Assessment> earlierFor(String clinicId, IdempotencyKey key) {
        return AssessmentRequest.find(clinicId, key.key())
                .map(
                        earlier -> {
                            if (!earlier.requestHash.equals(key.requestHash())) {
                                throw new ProblemException(
                                        422,
                                        "Idempotency key reused",
                                        "Idempotency-Key '"
                                                + key.key()
                                                + "' was already used for a different request");
                            }
                            return Assessment.<Assessment>findById(earlier.assessmentId);
                        });
    }

    private FootResult toRow(String clinicId, FootInput input, FootClassification result) {
        FootResult row = new FootResult();
        row.side = result.side();
        row.clinicId = clinicId;
        row.fpiItems =
                input.fpiItems() == null
                        ? null
                        : input.fpiItems().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(","));
        row.fpiTotal = result.fpiTotal();
        row.navicularDropMm = input.navicularDropMm();
        row.calcanealStanceDegrees = input.calcanealStanceDegrees();
        row.runningEversionDegrees = input.peakRearfootEversionDegrees();
        row.archHeightIndex = input.archHeightIndex();
        row.level = result.level();
        row.confidence = BigDecimal.valueOf(result.confidence());
        row.decidedBy = String.join(",", result.decidedBy());
        row.explanation = String.join("\n", result.explanation());
        row.evidence = toJson(result.evidence());
        return row;
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evidence", e);
        }
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
