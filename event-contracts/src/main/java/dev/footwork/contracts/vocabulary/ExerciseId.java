package dev.footwork.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The six corrective exercises, by their stable ids. */
public enum ExerciseId {
    TOWEL_GRAB("towel-grab"),
    HEEL_RAISE("heel-raise"),
    BAND_PLANTARFLEXION("band-plantarflexion"),
    BAND_DORSIFLEXION("band-dorsiflexion"),
    BAND_INVERSION("band-inversion"),
    BAND_EVERSION("band-eversion");

    private final String id;

    ExerciseId(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the exercise works against a resistance band. */
    public boolean usesBand() {
        return id.startsWith("band-");
    }

    @JsonCreator
    public static ExerciseId fromId(String id) {
        return Arrays.stream(values())
                .filter(e -> e.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown exercise '" + id + "'"));
    }
}
