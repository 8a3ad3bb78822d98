package dev.footwork.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseCatalogueTest {

    private final ExerciseCatalogue catalogue = shipped();

    @Test
    void theShippedCatalogueHasAllSixExercisesInOrder() {
        assertThat(catalogue.all()).extracting(Exercise::id).containsExactly(ExerciseId.values());
        assertThat(catalogue.all())
                .allSatisfy(
                        e -> {
                            assertThat(e.instructions()).hasSizeGreaterThanOrEqualTo(3);
                            assertThat(e.purpose()).isNotBlank();
                            assertThat(e.equipment()).isNotEmpty();
                            assertThat(e.defaultDosage().sets()).isPositive();
                        });
    }

    @Test
    void onlyBandExercisesHaveABandSetUp() {
        assertThat(catalogue.all())
                .allSatisfy(e -> assertThat(e.band() != null).isEqualTo(e.id().usesBand()));
    }

    @Test
    void theRotationBandsPullTheLeftFootTheMirrorWayOfTheRight() {
        Exercise.Band inversion = catalogue.find(ExerciseId.BAND_INVERSION).orElseThrow().band();
        Exercise.Band eversion = catalogue.find(ExerciseId.BAND_EVERSION).orElseThrow().band();

        assertThat(inversion.pull().get(Side.RIGHT)).contains("right").contains("outwards");
        assertThat(inversion.pull().get(Side.LEFT)).contains("left").contains("outwards");
        assertThat(eversion.pull().get(Side.RIGHT)).contains("left").contains("inwards");
        assertThat(eversion.pull().get(Side.LEFT)).contains("right").contains("inwards");
    }

    @Test
    void anIncompleteCatalogueIsRefused() {
        List<Exercise> fiveOfSix = catalogue.all().subList(0, 5);
        assertThatThrownBy(() -> new ExerciseCatalogue("broken", fiveOfSix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAND_EVERSION");
    }

    @Test
    void aBandExerciseWithoutBandIsRefused() {
        Exercise towel = catalogue.find(ExerciseId.TOWEL_GRAB).orElseThrow();
        Exercise bandless =
                new Exercise(
                        ExerciseId.BAND_EVERSION,
                        "x",
                        "x",
                        List.of("x"),
                        towel.instructions(),
                        3,
                        "x",
                        towel.defaultDosage(),
                        List.of(),
                        null);
        List<Exercise> entries = new java.util.ArrayList<>(catalogue.all().subList(0, 5));
        entries.add(bandless);
        assertThatThrownBy(() -> new ExerciseCatalogue("broken", entries))
                .hasMessageContaining("band-eversion needs a band");
    }

    private static ExerciseCatalogue shipped() {
        ObjectMapper mapper = EventJson.newMapper();
        try (InputStream in =
                ExerciseCatalogueTest.class.getResourceAsStream("/catalogue/exercises.json")) {
            JsonNode file = mapper.readTree(in);
            List<Exercise> exercises =
                    Arrays.asList(mapper.treeToValue(file.get("exercises"), Exercise[].class));
            return new ExerciseCatalogue(file.get("version").asText(), exercises);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
