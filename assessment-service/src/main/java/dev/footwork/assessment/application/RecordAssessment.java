package dev.footwork.assessment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.domain.FootClassification;
import dev.footwork.assessment.domain.FootInput;
import dev.footwork.assessment.domain.FootPostureClassifier;
import dev.footwork.assessment.domain.Measurements;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.assessment.persistence.FootResult;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Inapplicable;
import dev.footwork.support.erasure.ErasedPatients;
import dev.footwork.support.erasure.PatientLock;
import dev.footwork.support.idempotency.IdempotencyKeys;
import dev.footwork.support.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Classifies a patient's feet, stores the assessment, marks the one it supersedes and records its
 * FootClassified event, all in one transaction; for a REST request or an event of the measurements
 * topic alike. An Idempotency-Key makes a retried request answer with the first assessment.
 */
@ApplicationScoped
public class RecordAssessment {

    /** The kind of request the shared Idempotency-Key table files these keys under. */
    static final String SCOPE = "assessments";

    /**
     * One assessment to record.
     *
     * @param runningContext null when not told
     * @param idempotencyKey the client's key with the digest of its request, or null
     */
    public record Command(
            String clinicId,
            String patientRef,
            Instant assessedAt,
            String assessor,
            RunningContext runningContext,
            String notes,
            List<FootInput> feet,
            IdempotencyKeys.Key idempotencyKey) {

        public Command {
            feet = List.copyOf(feet);
        }
    }

    /** The stored assessment, and whether an earlier request with the same key created it. */
    public record Result(AssessmentView assessment, boolean replayed) {}

    private final FootPostureClassifier classifier;
    private final IdempotencyKeys idempotencyKeys;
    private final PatientLock patientLock;
    private final ErasedPatients erased;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    RecordAssessment(
            FootPostureClassifier classifier,
            IdempotencyKeys idempotencyKeys,
            PatientLock patientLock,
            ErasedPatients erased,
            Outbox outbox,
            ObjectMapper mapper,
            Clock clock) {
        this.classifier = classifier;
        this.idempotencyKeys = idempotencyKeys;
        this.patientLock = patientLock;
        this.erased = erased;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @throws dev.footwork.support.application.Rejected when the measurements fail a check
     * @throws dev.footwork.support.application.Inapplicable when the key came with another request,
     *     or the patient reference belongs to an erased patient
     */
    public Result handle(Command command) {
        Measurements.check(command.assessedAt(), command.feet(), clock.instant());
        if (command.idempotencyKey() == null) {
            // an event joins the inbox's transaction: it is marked processed with its assessment
            return QuarkusTransaction.joiningExisting().call(() -> record(command));
        }
        return IdempotencyKeys.once(() -> replayOrRecord(command));
    }

    private Result replayOrRecord(Command command) {
        Optional<UUID> earlier =
                idempotencyKeys.earlier(
                        command.clinicId(), SCOPE, command.idempotencyKey(), "assessment");
        if (earlier.isPresent()) {
            return new Result(
                    AssessmentView.of(Assessment.byId(earlier.get()).orElseThrow(), mapper), true);
        }
        Result recorded = record(command);
        idempotencyKeys.remember(
                command.clinicId(),
                command.patientRef(),
                SCOPE,
                command.idempotencyKey(),
                recorded.assessment().id());
        return recorded;
    }

    private Result record(Command command) {
        // an erasure of the patient that is under way ends first; erasure is final
        patientLock.lock(command.clinicId(), command.patientRef());
        if (erased.isErased(command.clinicId(), command.patientRef())) {
            throw new Inapplicable(
                    "patient-erased",
                    "Patient reference retired",
                    "patient "
                            + command.patientRef()
                            + " was erased; a returning patient gets a new reference",
                    List.of(new FieldError("patientRef", "belongs to an erased patient")));
        }
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.clinicId = command.clinicId();
        assessment.patientRef = command.patientRef();
        assessment.assessedAt = command.assessedAt();
        assessment.assessor = command.assessor();
        RunningContext context = command.runningContext();
        if (context != null) {
            assessment.weeklyDistanceKm = context.weeklyDistanceKm();
            assessment.shoeType = context.shoeType() == null ? null : context.shoeType().name();
        }
        assessment.notes = command.notes();
        assessment.ruleSetVersion = classifier.rules().version();
        assessment.createdAt = clock.instant();

        List<FootClassification> results = new ArrayList<>();
        for (FootInput foot :
                command.feet().stream().sorted(Comparator.comparing(FootInput::side)).toList()) {
            FootClassification result = classifier.classify(foot);
            results.add(result);
            assessment.feet.add(row(assessment.clinicId, foot, result));
        }
        assessment.asymmetry = classifier.asymmetric(results);

        Optional<UUID> previous = Assessment.latestIdOf(command.patientRef());
        assessment.previousAssessmentId = previous.orElse(null);
        assessment.persist();
        // the update flushes the new row first: superseded_by names it
        previous.ifPresent(id -> Assessment.markSuperseded(id, assessment.id));

        outbox.add(event(assessment, results), assessment.assessedAt);
        return new Result(AssessmentView.of(assessment, mapper), false);
    }

    /** The stored row of one foot: what was measured and how it was classified. */
    private FootResult row(String clinicId, FootInput input, FootClassification result) {
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

    private static FootClassified event(Assessment assessment, List<FootClassification> results) {
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
