package dev.footwork.exercise.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.footwork.support.api.Problem;
import java.util.List;

/**
 * What became of each item of a batch, in the order sent.
 *
 * @param created items stored now, each followed by an ExerciseCompleted event
 * @param replayed items stored by an earlier request with the same completion id
 * @param rejected items refused; their {@code problem} says why
 */
public record BatchResult(int created, int replayed, int rejected, List<Item> results) {

    /** The outcome of one item. */
    public enum Outcome {
        CREATED,
        REPLAYED,
        REJECTED
    }

    /** One item's outcome with the stored completion, or the problem that refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Outcome outcome, CompletionView completion, Problem problem) {}

    static BatchResult of(List<Item> items) {
        return new BatchResult(
                count(items, Outcome.CREATED),
                count(items, Outcome.REPLAYED),
                count(items, Outcome.REJECTED),
                items);
    }

    private static int count(List<Item> items, Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
