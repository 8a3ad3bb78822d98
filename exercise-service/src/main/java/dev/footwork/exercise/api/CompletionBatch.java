package dev.footwork.exercise.api;

import com.fasterxml.jackson.databind.JsonNode;
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
}
