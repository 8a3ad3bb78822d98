package dev.footwork.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footwork.contracts.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final ObjectMapper JSON = EventJson.newMapper();

    @Test
    void theShippedRulesLoadWithTheirVersionAndSources() {
        PlanRules rules = PlanFixtures.shippedRules();

        assertThat(rules.version()).isEqualTo("plans-2026.2");
        assertThat(rules.sources()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rules.phases()).allSatisfy(phase -> assertThat(phase.aim()).isNotBlank());
    }

    @Test
    void phasesMustCoverTheProgrammeWithoutGaps() {
        assertRefused(
                json -> ((ObjectNode) json.withArray("phases").get(1)).put("fromWeek", 4),
                "must start in week 3");
        assertRefused(json -> json.put("weeks", 9), "cover exactly 9 weeks");
    }

    @Test
    void everyPostureNeedsAScheduleOfItsLength() {
        assertRefused(json -> json.with("schedules").remove("3"), "no schedule of 3 days");
        assertRefused(
                json -> json.with("schedules").putArray("2").add("MONDAY").add("MONDAY"),
                "names a day twice");
    }

    @Test
    void everyPrescribedExerciseNeedsADosageAndLimits() {
        assertRefused(
                json -> json.with("dosage").with("heel-raise").remove("EMPHASIS"),
                "no EMPHASIS dosage for heel-raise");
        assertRefused(
                json -> json.with("progression").with("towel-grab").put("maxSets", 0),
                "towel-grab: sets limits");
        assertRefused(json -> json.with("progression").remove("band-eversion"), "limits");
    }

    @Test
    void anExerciseMayAppearOnlyOncePerPosture() {
        assertRefused(
                json ->
                        json.with("postures")
                                .with("PRONATED")
                                .withArray("supporting")
                                .add("towel-grab"),
                "towel-grab twice");
    }

    private static void assertRefused(Consumer<ObjectNode> breakIt, String reason) {
        ObjectNode json = shipped();
        breakIt.accept(json);
        assertThatThrownBy(() -> JSON.treeToValue(json, PlanRules.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining(reason);
    }

    private static ObjectNode shipped() {
        try (InputStream in = PlanRulesTest.class.getResourceAsStream("/rules/plan-rules.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
