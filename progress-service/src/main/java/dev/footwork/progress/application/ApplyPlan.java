package dev.footwork.progress.application;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.persistence.Completion;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.application.Inapplicable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the newest revision of a plan (PlanIssued, PlanRevised) and sets the sessions it
 * prescribes: every week when the plan is first seen, from the week of the revision on otherwise
 * (weeks already lived keep what was asked of them then). Completions waiting for the plan are
 * counted now if the plan holds them ({@link PlanBounds}): one done outside its weeks is marked
 * {@link Completion#OUTSIDE_PLAN} and never counted, one of an exercise and foot not prescribed
 * keeps waiting for a revision that prescribes it. An older revision arriving after a newer one
 * changes nothing.
 */
@ApplicationScoped
public class ApplyPlan {

    /**
     * @param revisedAt when the revision was made: weeks from its week on take the new prescription
     */
    public record Command(
            UUID planId,
            String clinicId,
            String patientRef,
            int revision,
            PlanContent content,
            Instant revisedAt) {}

    /**
     * @param applied false when the plan was known at this revision or a newer one
     */
    public record Result(boolean applied) {}

    private static final Logger LOG = Logger.getLogger(ApplyPlan.class);

    private final PlanTallies tallies;
    private final PlanBounds bounds;
    private final PlanSnapshots snapshots;
    private final ChangeNotices notices;
    private final ZoneId zone;
    private final Clock clock;

    ApplyPlan(
            PlanTallies tallies,
            PlanBounds bounds,
            PlanSnapshots snapshots,
            ChangeNotices notices,
            ProgressAnalysis analysis,
            Clock clock) {
        this.tallies = tallies;
        this.bounds = bounds;
        this.snapshots = snapshots;
        this.notices = notices;
        this.zone = analysis.rules().zone();
        this.clock = clock;
    }

    /** Applies the plan in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result handle(Command command) {
        PlanProgress progress =
                tallies.lock(command.planId(), command.clinicId(), command.patientRef());
        KnownPlan plan = KnownPlan.findById(new PlanKey(command.clinicId(), command.planId()));
        boolean first = plan == null;
        if (first) {
            plan = new KnownPlan();
            plan.planId = command.planId();
            plan.clinicId = command.clinicId();
            plan.patientRef = command.patientRef();
        } else if (plan.revision >= command.revision()) {
            return new Result(false);
        }
        PlanContent content = command.content();
        Instant now = clock.instant();
        plan.revision = command.revision();
        plan.status = content.status().name();
        plan.startsOn = content.startsOn();
        plan.weeks = content.weeks();
        plan.content = content;
        plan.updatedAt = now;
        plan.persist();
        // a completion may have created the row first, naming someone else: the plan decides
        progress.patientRef = command.patientRef();

        PlanCalendar calendar = new PlanCalendar(content);
        int fromWeek =
                first ? 1 : calendar.countingWeekOf(command.revisedAt().atZone(zone).toLocalDate());
        tallies.prescribe(plan, calendar, fromWeek);
        for (Completion waiting : Completion.waitingFor(plan.planId)) {
            if (!waiting.patientRef.equals(plan.patientRef)) {
                LOG.warnf(
                        "Completion %s names patient %s, plan %s is for another: left uncounted",
                        waiting.completionId, waiting.patientRef, plan.planId);
                continue;
            }
            Optional<Inapplicable> outside =
                    bounds.outsideWeeks(plan, calendar, waiting.completionId, waiting.completedAt);
            if (outside.isPresent()) {
                // too late to dead-letter: marked, so that no revision counts it
                waiting.week = Completion.OUTSIDE_PLAN;
                LOG.warnf(
                        "%s (%s): marked outside its plan, never counted",
                        outside.get().getMessage(), outside.get().code());
            } else if (!bounds.prescribed(plan, calendar, waiting.exercise())) {
                // a revision this service has not seen yet may prescribe it
                LOG.warnf(
                        "%s: left waiting for a revision that prescribes it",
                        bounds.notPrescribed(plan, waiting.completionId, waiting.exercise())
                                .getMessage());
            } else {
                tallies.count(waiting, calendar);
                ApplyCompletion.counted(progress, waiting);
            }
        }
        snapshots.keep(progress, plan, now, now);
        // the pass emits the alerts the revision makes due; a plan not active raises none
        if (content.status() == PlanContent.PlanStatus.ACTIVE) {
            progress.dueBy(now);
        } else {
            progress.dueAt = null;
        }
        notices.changed(plan.clinicId, plan.patientRef);
        return new Result(true);
    }
}
