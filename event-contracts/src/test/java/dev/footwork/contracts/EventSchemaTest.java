package dev.footwork.contracts;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSchemaTest {
    private static final ObjectMapper MAPPER = EventJson.newMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchema(EventType type) {
        PatientEvent sample = SampleEvents.of(type);

        assertThat(sample).isInstanceOf(type.payloadType());
        assertThat(SchemaValidation.validate(type, sample)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sharedValidatorAcceptsTheSampleAndRejectsABrokenOne(EventType type) {
        ObjectNode json = MAPPER.valueToTree(SampleEvents.of(type));

        assertThat(EventSchemas.violations(type, json)).isEmpty();
        assertThat(EventSchemas.violations(type, json.put("clinicId", "clinic:7")))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("/clinicId");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleSurvivesAJsonRoundTrip(EventType type) throws Exception {
        PatientEvent sample = SampleEvents.of(type);

        String json = MAPPER.writeValueAsString(sample);

        assertThat(MAPPER.readValue(json, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredPropertyIsEnforced(EventType type) {
        for (JsonNode required : SchemaValidation.document(type).path("required")) {
            String name = required.asText();

            assertThat(errorsAfter(type, json -> json.remove(name)))
                    .as("payload of %s without %s", type.type(), name)
                    .anySatisfy(m -> assertThat(m.getType()).isEqualTo("required"));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void tenantAndPatientMustBeKeyTokens(EventType type) {
        assertThat(errorsAfter(type, json -> json.put("clinicId", "clinic:7")))
                .as("colon in clinicId")
                .isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("patientRef", ""))).as("empty").isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("patientRef", "p".repeat(65))))
                .as("too long")
                .isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("patientRef", "Jane Doe")))
                .as("a name with a space")
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownPropertiesAreAllowedForAdditiveChanges(EventType type) {
        assertThat(errorsAfter(type, json -> json.put("addedInALaterRelease", 42))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void painOutsideZeroToTenIsRejected(int pain) {
        assertThat(errorsAfter(EventType.EXERCISE_COMPLETED, json -> json.put("pain", pain)))
                .extracting(m -> m.getInstanceLocation().toString())
                .containsExactly("/pain");
        assertThat(errorsAfter(EventType.PHASE_COMPLETED, json -> json.put("maxPain", pain)))
                .isNotEmpty();
        assertThat(errorsAfter(EventType.PAIN_RULE_BROKEN, json -> json.put("pain", pain + 0.5)))
                .isNotEmpty();
    }

    @Test
    void fpiItemsMustBeSixScoresFromMinusTwoToTwo() {
        assertThat(
                        errorsAfter(
                                EventType.MEASUREMENTS_SUBMITTED,
                                json -> firstFoot(json).withArray("fpiItems").set(0, 3)))
                .extracting(m -> m.getInstanceLocation().toString())
                .containsExactly("/feet/0/fpiItems/0");
        assertThat(
                        errorsAfter(
                                EventType.MEASUREMENTS_SUBMITTED,
                                json -> firstFoot(json).withArray("fpiItems").remove(5)))
                .as("five items")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.MEASUREMENTS_SUBMITTED,
                                json -> firstFoot(json).withArray("fpiItems").add(0)))
                .as("seven items")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.MEASUREMENTS_SUBMITTED,
                                json -> firstFoot(json).put("fpiTotal", 13)))
                .as("total 13")
                .isNotEmpty();
    }

    @Test
    void aFootWithoutAnyMeasureIsRejected() {
        assertThat(
                        errorsAfter(
                                EventType.MEASUREMENTS_SUBMITTED,
                                json -> firstFoot(json).retain("side")))
                .isNotEmpty();
    }

    @Test
    void feetHoldOneOrTwoEntriesAndNoSideTwice() {
        EventType type = EventType.MEASUREMENTS_SUBMITTED;

        assertThat(errorsAfter(type, json -> json.withArray("feet").removeAll())).isNotEmpty();
        assertThat(errorsAfter(type, json -> firstFoot(json).put("side", "RIGHT")))
                .as("two right feet")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                type,
                                json -> {
                                    ArrayNode feet = json.withArray("feet");
                                    feet.add(feet.get(0).deepCopy());
                                }))
                .as("three feet")
                .isNotEmpty();
        assertThat(errorsAfter(type, json -> json.withArray("feet").remove(0)))
                .as("one foot")
                .isEmpty();
    }

    @Test
    void unknownEnumValuesAreRejected() {
        assertThat(
                        errorsAfter(
                                EventType.FOOT_CLASSIFIED,
                                json -> firstFoot(json).put("level", "SLIGHTLY_PRONATED")))
                .isNotEmpty();
        assertThat(errorsAfter(EventType.EXERCISE_COMPLETED, json -> json.put("side", "BOTH")))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.EXERCISE_COMPLETED,
                                json -> json.put("exerciseId", "BAND_INVERSION")))
                .as("enum constant name instead of the exercise id")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.EXERCISE_COMPLETED,
                                json -> json.put("bandColour", "PURPLE")))
                .isNotEmpty();
        assertThat(errorsAfter(EventType.PAIN_RULE_BROKEN, json -> json.put("rule", "ANY")))
                .isNotEmpty();
    }

    @Test
    void everyPostureLevelValidatesWithItsOwnLabels() {
        for (PostureLevel level : PostureLevel.values()) {
            FootClassified event =
                    withFeet(List.of(SampleEvents.footResult(Side.LEFT, level, 0.7, 0)));

            assertThat(SchemaValidation.validate(EventType.FOOT_CLASSIFIED, event))
                    .as(level.name())
                    .isEmpty();
        }
    }

    @Test
    void labelsThatContradictTheLevelAreRejected() {
        FootClassified.FootResult contradictory =
                new FootClassified.FootResult(
                        Side.LEFT,
                        PostureLevel.PRONATED,
                        PostureLevel.Posture.SUPINATED,
                        PostureLevel.Severity.MILD,
                        PostureLevel.Alignment.VALGUS,
                        0.7,
                        7,
                        List.of("fpi6"));

        assertThat(
                        SchemaValidation.validate(
                                EventType.FOOT_CLASSIFIED, withFeet(List.of(contradictory))))
                .isNotEmpty();
    }

    @Test
    void confidenceIsAFractionAndDecidedByIsNotEmpty() {
        assertThat(
                        errorsAfter(
                                EventType.FOOT_CLASSIFIED,
                                json -> firstFoot(json).put("confidence", 1.5)))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.FOOT_CLASSIFIED,
                                json -> firstFoot(json).withArray("decidedBy").removeAll()))
                .isNotEmpty();
    }

    @Test
    void optionalPropertiesMayBeLeftOut() {
        FootClassified first =
                new FootClassified(
                        SampleEvents.ASSESSMENT_ID,
                        SampleEvents.CLINIC_ID,
                        SampleEvents.PATIENT_REF,
                        SampleEvents.ASSESSED_AT,
                        "2025.1",
                        null,
                        false,
                        List.of(
                                new FootClassified.FootResult(
                                        Side.RIGHT,
                                        PostureLevel.SUPINATED,
                                        PostureLevel.Posture.SUPINATED,
                                        PostureLevel.Severity.MILD,
                                        PostureLevel.Alignment.VARUS,
                                        0.55,
                                        null,
                                        List.of("navicular-drop", "rcsp"))));
        PlanIssued sample = SampleEvents.planIssued();
        PlanIssued firstPlan =
                new PlanIssued(
                        sample.planId(),
                        sample.clinicId(),
                        sample.patientRef(),
                        sample.assessmentId(),
                        1,
                        sample.issuedAt(),
                        null,
                        sample.plan());

        assertThat(SchemaValidation.validate(EventType.FOOT_CLASSIFIED, first)).isEmpty();
        assertThat(SchemaValidation.validate(EventType.PLAN_ISSUED, firstPlan)).isEmpty();
        assertThat(errorsAfter(EventType.MEASUREMENTS_SUBMITTED, json -> json.remove("assessor")))
                .isEmpty();
    }

    @Test
    void dosageStaysWithinSensibleBounds() {
        EventType type = EventType.EXERCISE_COMPLETED;

        assertThat(errorsAfter(type, json -> json.put("sets", 0))).isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("sets", 11))).isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("reps", 101))).isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("holdSeconds", -1))).isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("holdSeconds", 121))).isNotEmpty();
        assertThat(errorsAfter(type, json -> json.put("sets", 2.5)))
                .as("fractional sets")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PLAN_ISSUED,
                                json -> prescription(json, 1, 0).put("reps", 0)))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PLAN_ISSUED,
                                json -> prescription(json, 1, 0).put("sessionsPerWeek", 8)))
                .isNotEmpty();
    }

    @Test
    void theWeeklyScheduleNamesEachWeekdayAtMostOnce() {
        for (EventType type : List.of(EventType.PLAN_ISSUED, EventType.PLAN_REVISED)) {
            assertThat(errorsAfter(type, json -> foot(json, 0).putArray("sessionDays")))
                    .as("no session day")
                    .isNotEmpty();
            assertThat(
                            errorsAfter(
                                    type,
                                    json ->
                                            foot(json, 0)
                                                    .putArray("sessionDays")
                                                    .add("MONDAY")
                                                    .add("MONDAY")))
                    .as("a day twice")
                    .isNotEmpty();
            assertThat(errorsAfter(type, json -> foot(json, 0).putArray("sessionDays").add("Mon")))
                    .as("not a weekday name")
                    .isNotEmpty();
            assertThat(errorsAfter(type, json -> foot(json, 1).remove("sessionDays")))
                    .as("schedule missing")
                    .isNotEmpty();
        }
    }

    @Test
    void onlyBandExercisesNameABand() {
        assertThat(errorsAfter(EventType.EXERCISE_COMPLETED, json -> json.remove("bandColour")))
                .as("band exercise without a band")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.EXERCISE_COMPLETED,
                                json -> json.put("exerciseId", "heel-raise")))
                .as("heel raise with a band")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.EXERCISE_COMPLETED,
                                json -> json.put("exerciseId", "heel-raise").remove("bandColour")))
                .isEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PLAN_ISSUED,
                                json -> prescription(json, 0, 0).put("bandColour", "RED")))
                .as("towel grab with a band")
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PLAN_ISSUED,
                                json -> prescription(json, 1, 0).remove("bandColour")))
                .as("band inversion without a band")
                .isNotEmpty();
    }

    @Test
    void percentagesStayWithinZeroToHundred() {
        assertThat(
                        errorsAfter(
                                EventType.ADHERENCE_DROPPED,
                                json -> json.put("adherencePercent", 100.1)))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.ADHERENCE_DROPPED,
                                json -> json.put("thresholdPercent", -5)))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PHASE_COMPLETED,
                                json -> json.put("adherencePercent", 140)))
                .isNotEmpty();
    }

    @Test
    void idsAndTimesMustBeWellFormed() {
        assertThat(errorsAfter(EventType.PHASE_COMPLETED, json -> json.put("planId", "plan-1")))
                .extracting(ValidationMessage::getType)
                .containsExactly("format");
        assertThat(
                        errorsAfter(
                                EventType.PHASE_COMPLETED,
                                json -> json.put("detectedAt", "yesterday")))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PHASE_COMPLETED,
                                json -> json.put("detectedAt", "2025-03-17T06:00:00")))
                .as("timestamp without an offset")
                .isNotEmpty();
        assertThat(errorsAfter(EventType.REASSESSMENT_DUE, json -> json.put("dueOn", "2025-13-01")))
                .isNotEmpty();
        assertThat(
                        errorsAfter(
                                EventType.PLAN_ISSUED,
                                json -> plan(json).put("startsOn", "2025-03-04T00:00:00Z")))
                .as("a timestamp where a date belongs")
                .isNotEmpty();
    }

    @Test
    void aRevisionComesAfterTheIssue() {
        assertThat(errorsAfter(EventType.PLAN_REVISED, json -> json.put("revision", 1)))
                .isNotEmpty();
        assertThat(errorsAfter(EventType.PLAN_ISSUED, json -> json.put("revision", 0)))
                .isNotEmpty();
    }

    @Test
    void completionSampleIsABandExercise() {
        ExerciseCompleted completion = SampleEvents.exerciseCompleted();

        assertThat(completion.exerciseId().usesBand()).isTrue();
        assertThat(completion.bandColour()).isNotNull();
    }

    private static Set<ValidationMessage> errorsAfter(EventType type, Consumer<ObjectNode> change) {
        ObjectNode json = MAPPER.valueToTree(SampleEvents.of(type));
        change.accept(json);
        return SchemaValidation.validate(type, json);
    }

    private static ObjectNode firstFoot(ObjectNode json) {
        return (ObjectNode) json.withArray("feet").get(0);
    }

    /**
     * A prescription of the sample plan: foot 0 is the left (towel grab, heel raise), foot 1 the
     * right (band inversion, towel grab, heel raise, band dorsiflexion).
     */
    private static ObjectNode prescription(ObjectNode json, int foot, int index) {
        return (ObjectNode)
                plan(json).withArray("feet").get(foot).withArray("prescriptions").get(index);
    }

    private static ObjectNode foot(ObjectNode json, int foot) {
        return (ObjectNode) plan(json).withArray("feet").get(foot);
    }

    private static ObjectNode plan(ObjectNode json) {
        return (ObjectNode) json.get("plan");
    }

    private static FootClassified withFeet(List<FootClassified.FootResult> feet) {
        FootClassified sample = SampleEvents.footClassified();
        return new FootClassified(
                sample.assessmentId(),
                sample.clinicId(),
                sample.patientRef(),
                sample.assessedAt(),
                sample.ruleSetVersion(),
                sample.previousAssessmentId(),
                sample.asymmetry(),
                feet);
    }
}
