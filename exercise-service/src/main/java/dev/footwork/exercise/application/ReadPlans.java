package dev.footwork.exercise.application;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.exercise.domain.Exercise;
import dev.footwork.exercise.domain.ExerciseCatalogue;
import dev.footwork.exercise.domain.LoadProgression;
import dev.footwork.exercise.domain.PlanRules;
import dev.footwork.exercise.persistence.Completion;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanRevision;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What a patient's app or a clinician reads: the current plan, the history, one plan rendered per
 * foot ({@link PlanView}), its revisions and its completions. Every read sees the caller's clinic
 * only; whether the caller may see the patient is the resource's check, made with {@link
 * #patientOf} before it reads.
 */
@ApplicationScoped
@Transactional
public class ReadPlans {

    private final ExerciseCatalogue catalogue;
    private final PlanRules rules;
    private final LoadProgression load;

    ReadPlans(ExerciseCatalogue catalogue, PlanRules rules, LoadProgression load) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.load = load;
    }

    /** The patient a plan is for. */
    public String patientOf(UUID planId) {
        return stored(planId).patientRef;
    }

    /** The patient's active or paused plan. */
    public PlanView active(String patientRef) {
        return view(
                Plan.currentOf(patientRef)
                        .orElseThrow(() -> new NotFound("a current plan for " + patientRef)));
    }

    /** The patient's plans, newest first. */
    public List<PlanSummary> history(String patientRef) {
        return Plan.historyOf(patientRef).stream().map(PlanSummary::of).toList();
    }

    /** One plan at its latest revision, with the newer plan that superseded it, if any. */
    public PlanView plan(UUID planId) {
        return view(stored(planId));
    }

    /**
     * Every revision of a plan, oldest first; empty for a plan of another clinic or none (the
     * caller has found the plan with {@link #patientOf}, which answers 404 for those).
     */
    public List<RevisionView> revisions(UUID planId) {
        return PlanRevision.of(planId).stream().map(RevisionView::of).toList();
    }

    /**
     * One page of a plan's completions, latest session first; empty for a plan of another clinic or
     * none (the caller has found the plan with {@link #patientOf}).
     */
    public List<CompletionView> completions(UUID planId, int page, int size) {
        return Completion.ofPlan(planId, page, size).stream().map(CompletionView::of).toList();
    }

    /** The plan as it stands, rendered; also the answer of every change to a plan. */
    PlanView view(Plan plan) {
        // only a superseded plan has a newer one: a current plan costs no second query
        UUID supersededBy =
                PlanContent.PlanStatus.SUPERSEDED.name().equals(plan.status)
                        ? Plan.supersededBy(plan.id).map(newer -> newer.id).orElse(null)
                        : null;
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

    private static Plan stored(UUID planId) {
        return Plan.byId(planId).orElseThrow(() -> new NotFound("plan " + planId));
    }

    /** The steps for one foot; a band exercise starts with where the band pulls that foot. */
    private static List<String> instructions(Exercise exercise, Side side) {
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
