package dev.footwork.exercise.application;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.exercise.domain.Exercise;
import dev.footwork.exercise.domain.ExerciseCatalogue;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** The exercise catalogue as every caller reads it: what each exercise is for and how to do it. */
@ApplicationScoped
public class ReadCatalogue {

    private final ExerciseCatalogue catalogue;

    ReadCatalogue(ExerciseCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** All six exercises, in the order of {@link ExerciseId}. */
    public List<Exercise> all() {
        return catalogue.all();
    }

    /** One exercise by its stable id, e.g. {@code towel-grab}. */
    public Exercise one(String id) {
        return Arrays.stream(ExerciseId.values())
                .filter(e -> e.id().equals(id))
                .findFirst()
                .flatMap(catalogue::find)
                .orElseThrow(() -> new NotFound("exercise " + id));
    }
}
