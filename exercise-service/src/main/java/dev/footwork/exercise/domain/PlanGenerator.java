package dev.footwork.exercise.domain;

import dev.footwork.contracts.events.FootClassified;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.contracts.events.PostureLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a home-exercise plan from a classification: per foot, the exercises that posture calls
 * for with their dosage. Deterministic: the same classification and start date always give the same
 * plan.
 */
public final class PlanGenerator {

    private final PlanRules rules;

    public PlanGenerator(PlanRules rules) {
        this.rules = rules;
    }

    public PlanRules rules() {
        return rules;
    }

    public PlanContent generate(FootClassified classification, LocalDate startsOn) {
        List<PlanContent.FootPlan> feet =
                classification.feet().stream()
                        .sorted(Comparator.comparing(FootClassified.FootResult::side))
                        .map(
                                foot ->
                                        new PlanContent.FootPlan(
                                                foot.side(),
                                                foot.level(),
                                                java.util.List.of(java.time.DayOfWeek.MONDAY),
                                                prescriptionsFor(foot.level())))
                        .toList();
        List<LocalDate> reassessments =
                rules.reassessmentWeeks().stream().map(week -> startsOn.plusWeeks(week)).toList();
        return new PlanContent(
                PlanContent.PlanStatus.ACTIVE,
                startsOn,
                rules.weeks(),
                1,
                rules.phases(),
                feet,
                reassessments);
    }

    private List<PlanContent.Prescription> prescriptionsFor(PostureLevel level) {
        PlanRules.PostureRule rule = rules.postures().get(level.posture());
        boolean conservative = level.severity() == PostureLevel.Severity.MARKED;
        List<PlanContent.Prescription> prescriptions = new ArrayList<>();
        add(prescriptions, rule.emphasis(), PlanContent.Role.EMPHASIS, rule, conservative);
        add(prescriptions, rule.supporting(), PlanContent.Role.SUPPORTING, rule, conservative);
        add(prescriptions, rule.maintenance(), PlanContent.Role.MAINTENANCE, rule, conservative);
        return List.copyOf(prescriptions);
    }

    private void add(
            List<PlanContent.Prescription> into,
            List<dev.footwork.contracts.events.ExerciseId> exercises,
            PlanContent.Role role,
            PlanRules.PostureRule rule,
            boolean conservative) {
        PlanRules.Dosage dosage = rules.dosage().get(role);
        for (var exercise : exercises) {
            into.add(
                    new PlanContent.Prescription(
                            exercise,
                            role,
                            conservative ? Math.max(1, dosage.sets() - 1) : dosage.sets(),
                            dosage.reps(),
                            dosage.holdSeconds(),
                            exercise.usesBand()
                                    ? (conservative ? rules.conservativeBand() : rules.startBand())
                                    : null,
                            rule.sessionsPerWeek()));
        }
    }
}
