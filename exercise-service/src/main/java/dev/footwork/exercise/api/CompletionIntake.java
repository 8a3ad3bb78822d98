package dev.footwork.exercise.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.exercise.persistence.CompletionRecorder;
import dev.footwork.support.api.Problem;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.api.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Takes completions from the API, one or a batch, and decides their ids: the client's completion
 * id, else one derived from the Idempotency-Key (for a batch, from the key and the item's
 * position), else a new random id.
 */
@ApplicationScoped
public class CompletionIntake {

    private final CompletionRecorder recorder;
    private final Validator validator;
    private final ObjectMapper mapper;

    CompletionIntake(CompletionRecorder recorder, Validator validator, ObjectMapper mapper) {
        this.recorder = recorder;
        this.validator = validator;
        this.mapper = mapper;
    }

    public CompletionRecorder.Result one(
            String clinicId, UUID planId, Optional<String> key, NewCompletion body) {
        return record(clinicId, planId, body, key.map(k -> derivedId(clinicId, planId, k)));
    }

    public BatchResult batch(
            String clinicId,
            UUID planId,
            Optional<String> key,
            CompletionBatch batch,
            String instance) {
        List<BatchResult.Item> items = new ArrayList<>();
        for (int i = 0; i < batch.completions().size(); i++) {
            int index = i;
            String prefix = "completions[" + i + "].";
            try {
                NewCompletion item = parse(batch.completions().get(i), prefix);
                CompletionRecorder.Result result =
                        record(
                                clinicId,
                                planId,
                                item,
                                key.map(k -> derivedId(clinicId, planId, k + "#" + index)));
                items.add(
                        new BatchResult.Item(
                                i,
                                result.created()
                                        ? BatchResult.Outcome.CREATED
                                        : BatchResult.Outcome.REPLAYED,
                                CompletionView.of(result.completion()),
                                null));
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    throw e;
                }
                items.add(
                        new BatchResult.Item(
                                i,
                                BatchResult.Outcome.REJECTED,
                                null,
                                Problem.of(
                                        e.status(),
                                        e.title(),
                                        prefixed(e.getMessage(), e.violations(), prefix),
                                        instance,
                                        e.violations().stream()
                                                .map(
                                                        v ->
                                                                new Problem.Violation(
                                                                        prefix + v.field(),
                                                                        v.message()))
                                                .toList())));
            }
        }
        return BatchResult.of(items);
    }

    private NewCompletion parse(JsonNode node, String prefix) {
        NewCompletion item;
        try {
            item = mapper.treeToValue(node, NewCompletion.class);
        } catch (JsonMappingException e) {
            Problem.Violation v = ProblemMappers.violationOf(e);
            throw ProblemException.invalidField(v.field(), v.message());
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Invalid request", e.getOriginalMessage());
        }
        if (item == null) {
            throw ProblemException.invalidField("body", "must be a completion object");
        }
        Set<ConstraintViolation<NewCompletion>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            List<Problem.Violation> list = ProblemMappers.violationsOf(violations);
            throw new ProblemException(
                    400,
                    "Invalid request",
                    String.join(
                            "; ", list.stream().map(v -> v.field() + ": " + v.message()).toList()),
                    list);
        }
        return item;
    }

    private CompletionRecorder.Result record(
            String clinicId, UUID planId, NewCompletion body, Optional<UUID> keyed) {
        CompletionRecorder.Logged logged =
                new CompletionRecorder.Logged(
                        body.completionId() != null
                                ? body.completionId()
                                : keyed.orElseGet(UUID::randomUUID),
                        body.completionId() == null && keyed.isPresent(),
                        body.exerciseId(),
                        body.side(),
                        body.sets(),
                        body.reps(),
                        body.holdSeconds(),
                        body.bandColour(),
                        body.pain(),
                        body.completedAt());
        try {
            return recorder.record(clinicId, planId, logged);
        } catch (PersistenceException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // another request stored the same id first: answer as a replay (or a conflict)
            return recorder.record(clinicId, planId, logged);
        }
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** A stable id for a keyed request, so a retry finds what the first attempt stored. */
    private static UUID derivedId(String clinicId, UUID planId, String key) {
        return UUID.nameUUIDFromBytes(
                (clinicId + "|" + planId + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String prefixed(
            String detail, List<Problem.Violation> violations, String prefix) {
        return violations.isEmpty()
                ? detail
                : String.join(
                        "; ",
                        violations.stream()
                                .map(v -> prefix + v.field() + ": " + v.message())
                                .toList());
    }
}
