package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The six corrective exercises, checked for completeness when loaded. */
public final class ExerciseCatalogue {

    private final String version;
    private final Map<ExerciseId, Exercise> exercises = new EnumMap<>(ExerciseId.class);

    public ExerciseCatalogue(String version, List<Exercise> entries) {
        this.version = version;
        for (Exercise exercise : entries) {
            check(exercise);
            if (exercises.put(exercise.id(), exercise) != null) {
                throw new IllegalArgumentException(
                        exercise.id().id() + " is in the catalogue twice");
            }
        }
        Set<ExerciseId> missing = EnumSet.allOf(ExerciseId.class);
        missing.removeAll(exercises.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the catalogue lacks " + missing);
        }
    }

    public String version() {
        return version;
    }

    /** All exercises in the order of {@link ExerciseId}. */
    public List<Exercise> all() {
        return Arrays.stream(ExerciseId.values()).map(exercises::get).toList();
    }

    public Optional<Exercise> find(ExerciseId id) {
        return Optional.ofNullable(exercises.get(id));
    }

    private static void check(Exercise e) {
        if (e.instructions() == null || e.instructions().isEmpty()) {
            throw new IllegalArgumentException(e.id().id() + " has no instructions");
        }
        if (e.id().usesBand() != (e.band() != null)) {
            throw new IllegalArgumentException(
                    e.id().id()
                            + (e.id().usesBand() ? " needs" : " must not have")
                            + " a band set-up");
        }
        if (e.band() != null && !e.band().pull().keySet().equals(EnumSet.allOf(Side.class))) {
            throw new IllegalArgumentException(
                    e.id().id() + " must say which way the band pulls each foot");
        }
    }
}
