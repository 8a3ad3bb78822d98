package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a home-exercise plan from a {@link Classification}: per foot, the exercises that
 * posture calls for with their dosage, band and weekly schedule, the phases and the re-assessment
 * dates. Deterministic: the same classification and start date always give the same plan.
 */
public final class PlanGenerator {

    private final PlanRules rules;

    public PlanGenerator(PlanRules rules) {
        this.rules = rules;
    }

    public PlanRules rules() {
        return rules;
    }

    public PlanContent generate(Classification classification, LocalDate startsOn) {
        List<Classification.Foot> feet =
                classification.feet().stream()
                        .sorted(Comparator.comparing(Classification.Foot::side))
                        .toList();
        List<DayOfWeek> busiest =
                feet.stream()
                        .map(foot -> schedule(rules.postureRule(foot.level()).sessionsPerWeek()))
                        .max(Comparator.comparingInt(List::size))
                        .orElseThrow(() -> new IllegalArgumentException("no feet classified"));
        List<PlanContent.FootPlan> plans =
                feet.stream()
                        .map(
                                foot ->
                                        new PlanContent.FootPlan(
                                                foot.side(),
                                                foot.level(),
                                                daysFor(foot.level(), busiest),
                                                prescriptionsFor(foot.level())))
                        .toList();
        List<LocalDate> reassessments =
                rules.reassessmentWeeks().stream().map(startsOn::plusWeeks).toList();
        return new PlanContent(
                PlanContent.PlanStatus.ACTIVE,
                startsOn,
                rules.weeks(),
                1,
                rules.contractPhases(),
                plans,
                reassessments);
    }

    /** The starting prescription of one exercise in one role, for a foot at this level. */
    public PlanContent.Prescription prescription(
            ExerciseId exercise, PlanContent.Role role, PostureLevel level) {
        PlanRules.Dosage dosage = rules.dosage().get(exercise).get(role);
        PlanRules.Limits limits = rules.limits(exercise);
        boolean conservative = level.severity() == PostureLevel.Severity.MARKED;
        int sets =
                conservative
                        ? Math.max(
                                limits.minSets(),
                                dosage.sets() - rules.conservativeStart().fewerSets())
                        : dosage.sets();
        return new PlanContent.Prescription(
                exercise,
                role,
                sets,
                dosage.reps(),
                dosage.holdSeconds(),
                exercise.usesBand()
                        ? (conservative
                                ? rules.conservativeStart().band()
                                : rules.startBand().get(role))
                        : null,
                rules.postureRule(level).sessionsPerWeek());
    }

    /**
     * A foot that trains less often than the other trains on the first of the other foot's days, so
     * the patient exercises on as few days as possible.
     */
    private List<DayOfWeek> daysFor(PostureLevel level, List<DayOfWeek> busiest) {
        int sessions = rules.postureRule(level).sessionsPerWeek();
        return List.copyOf(busiest.subList(0, sessions));
    }

    private List<DayOfWeek> schedule(int sessionsPerWeek) {
        return rules.schedules().get(sessionsPerWeek);
    }

    private List<PlanContent.Prescription> prescriptionsFor(PostureLevel level) {
        PlanRules.PostureRule rule = rules.postureRule(level);
        List<PlanContent.Prescription> prescriptions = new ArrayList<>();
        for (PlanContent.Role role : PlanContent.Role.values()) {
            for (ExerciseId exercise : rule.in(role)) {
                prescriptions.add(prescription(exercise, role, level));
            }
        }
        return List.copyOf(prescriptions);
    }
}
