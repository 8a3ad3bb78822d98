package dev.footwork.exercise.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.footwork.exercise.application.CompletionView;
import dev.footwork.exercise.application.LogCompletion;
import dev.footwork.support.api.Problem;
import dev.footwork.support.api.ProblemMappers;
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
    public record Item(int index, Outcome outcome, CompletionView completion, Problem problem) {

        static Item of(LogCompletion.Outcome outcome, String instance) {
            if (outcome.refusal() != null) {
                return new Item(
                        outcome.index(),
                        Outcome.REJECTED,
                        null,
                        ProblemMappers.problem(outcome.refusal(), instance));
            }
            return new Item(
                    outcome.index(),
                    outcome.result().created() ? Outcome.CREATED : Outcome.REPLAYED,
                    outcome.result().completion(),
                    null);
        }
    }

    /**
     * @param instance the request path, named by each item's problem
     */
    static BatchResult of(List<LogCompletion.Outcome> outcomes, String instance) {
        List<Item> items = outcomes.stream().map(o -> Item.of(o, instance)).toList();
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
