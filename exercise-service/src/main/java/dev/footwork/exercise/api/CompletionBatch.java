package dev.footwork.exercise.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.exercise.application.LogCompletion;
import dev.footwork.support.api.Problem;
import dev.footwork.support.api.ProblemMappers;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.Rejected;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Completions an offline app logged, sent together. Each item has the shape of a single completion
 * and is checked on its own, so that one bad item does not hold back the others.
 */
public record CompletionBatch(
        @Schema(implementation = NewCompletion[].class)
                @NotEmpty
                @Size(max = CompletionBatch.MAX_ITEMS)
                List<JsonNode> completions) {

    public static final int MAX_ITEMS = 500;

    /** Each item read and validated as a {@link NewCompletion} would be, or why it is not one. */
    List<LogCompletion.Item> items(ObjectMapper mapper, Validator validator) {
        return completions.stream().map(node -> item(node, mapper, validator)).toList();
    }

    private static LogCompletion.Item item(
            JsonNode node, ObjectMapper mapper, Validator validator) {
        NewCompletion completion;
        try {
            completion = mapper.treeToValue(node, NewCompletion.class);
        } catch (JsonMappingException e) {
            Problem.Violation v = ProblemMappers.violationOf(e);
            return LogCompletion.Item.unreadable(Rejected.field(v.field(), v.message()));
        } catch (JsonProcessingException e) {
            return LogCompletion.Item.unreadable(Rejected.field("body", e.getOriginalMessage()));
        }
        if (completion == null) {
            return LogCompletion.Item.unreadable(
                    Rejected.field("body", "must be a completion object"));
        }
        List<FieldError> violations =
                ProblemMappers.violationsOf(validator.validate(completion)).stream()
                        .map(v -> new FieldError(v.field(), v.message()))
                        .toList();
        return violations.isEmpty()
                ? LogCompletion.Item.of(completion.toEntry())
                : LogCompletion.Item.unreadable(new Rejected(violations));
    }
}
