package dev.footwork.exercise.api;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.domain.Exercise;
import dev.footwork.exercise.domain.ExerciseCatalogue;
import dev.footwork.exercise.domain.LoadProgression;
import dev.footwork.exercise.domain.PlanRules;
import dev.footwork.exercise.persistence.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Turns a stored plan into the {@link PlanView} the API returns. */
@ApplicationScoped
public class PlanRenderer {

    private final ExerciseCatalogue catalogue;
    private final PlanRules rules;
    private final LoadProgression load;

    PlanRenderer(ExerciseCatalogue catalogue, PlanRules rules, LoadProgression load) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.load = load;
    }

    public PlanView render(Plan plan, UUID supersededBy) {
        PlanContent content = plan.content;
        return new PlanView(
                plan.id,
                plan.clinicId,
                plan.patientRef,
                plan.assessmentId,
                plan.revision,
                plan.status,
                plan.rulesVersion,
                catalogue.version(),
                plan.issuedAt,
                plan.updatedAt,
                plan.supersedesId,
                supersededBy,
                content.startsOn(),
                content.weeks(),
                content.currentPhase(),
                content.phases().stream().map(phase -> phase(content, phase)).toList(),
                content.feet().stream().map(foot -> foot(content, foot)).toList(),
                content.reassessmentDates());
    }

    private PlanView.PhaseView phase(PlanContent content, PlanContent.Phase phase) {
        String aim =
                rules.phases().stream()
                        .filter(rule -> rule.number() == phase.number())
                        .map(PlanRules.PhaseRule::aim)
                        .findFirst()
                        .orElse(null);
        return new PlanView.PhaseView(
                phase.number(),
                phase.name(),
                phase.fromWeek(),
                phase.toWeek(),
                content.startsOn().plusWeeks(phase.fromWeek() - 1L),
                content.startsOn().plusWeeks(phase.toWeek()).minusDays(1),
                aim);
    }

    private PlanView.FootView foot(PlanContent content, PlanContent.FootPlan foot) {
        return new PlanView.FootView(
                foot.side(),
                foot.level(),
                foot.sessionDays(),
                foot.prescriptions().stream().map(p -> exercise(content, foot, p)).toList());
    }

    private PlanView.ExerciseView exercise(
            PlanContent content, PlanContent.FootPlan foot, PlanContent.Prescription p) {
        Exercise exercise =
                catalogue
                        .find(p.exerciseId())
                        .orElseThrow(() -> new IllegalStateException("no " + p.exerciseId()));
        List<PlanView.PhaseDosage> upcoming =
                IntStream.rangeClosed(content.currentPhase() + 1, content.phases().size())
                        .mapToObj(
                                phase -> {
                                    PlanContent.Prescription later =
                                            load.projected(p, phase - content.currentPhase());
                                    return new PlanView.PhaseDosage(
                                            phase,
                                            later.sets(),
                                            later.reps(),
                                            later.holdSeconds(),
                                            later.bandColour());
                                })
                        .toList();
        return new PlanView.ExerciseView(
                p.exerciseId(),
                exercise.name(),
                p.role(),
                exercise.purpose(),
                p.sets(),
                p.reps(),
                p.holdSeconds(),
                p.bandColour(),
                p.sessionsPerWeek(),
                foot.sessionDays()
                        .subList(0, Math.min(p.sessionsPerWeek(), foot.sessionDays().size())),
                exercise.tempo(),
                exercise.equipment(),
                instructions(exercise, foot.side()),
                exercise.cautions(),
                upcoming);
    }

    /** The steps for one foot; a band exercise starts with where the band pulls that foot. */
    static List<String> instructions(Exercise exercise, Side side) {
        if (exercise.band() == null) {
            return exercise.instructions();
        }
        List<String> steps = new ArrayList<>();
        steps.add(
                "Set-up for your "
                        + side.name().toLowerCase()
                        + " foot: anchor the band "
                        + exercise.band().anchor()
                        + ", so that it pulls the foot "
                        + exercise.band().pull().get(side)
                        + ".");
        steps.addAll(exercise.instructions());
        return List.copyOf(steps);
    }
}
