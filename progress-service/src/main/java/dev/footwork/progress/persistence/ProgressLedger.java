package dev.footwork.progress.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.PlanCalendar;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressAnalysis.PlanRef;
import dev.footwork.support.inbox.PoisonEventException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies plans and completions to the stored aggregates, in the consumer's transaction. Every
 * change to one plan's progress first locks that plan's {@link PlanProgress} row, so replicas and
 * the plan and completion consumers never interleave on a plan.
 */
@ApplicationScoped
public class ProgressLedger {

    private static final Logger LOG = Logger.getLogger(ProgressLedger.class);

    private final ObjectMapper mapper;
    private final ProgressAnalysis analysis;
    private final ProgressEvaluator evaluator;
    private final ProgressNotifier notifier;
    private final Clock clock;

    ProgressLedger(
            ObjectMapper mapper,
            ProgressAnalysis analysis,
            ProgressEvaluator evaluator,
            ProgressNotifier notifier,
            Clock clock) {
        this.mapper = mapper;
        this.analysis = analysis;
        this.evaluator = evaluator;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Keeps the newest revision of a plan and sets the sessions it prescribes: for every week when
     * the plan is first seen, from the week of the revision on otherwise (weeks already lived keep
     * what was asked of them then). Completions waiting for the plan are counted now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPlan(PlanRef ref, int revision, PlanContent content, Instant revisedAt) {
        PlanProgress progress = lock(ref);
        PlanView plan = PlanView.findById(ref.planId());
        boolean first = plan == null;
        if (first) {
            plan = new PlanView();
            plan.planId = ref.planId();
            plan.clinicId = ref.clinicId();
            plan.patientRef = ref.patientRef();
        } else if (plan.revision >= revision) {
            return;
        }
        plan.revision = revision;
        plan.status = content.status().name();
        plan.startsOn = content.startsOn();
        plan.weeks = content.weeks();
        plan.content = toJson(content);
        plan.updatedAt = Instant.now();
        plan.persist();
        // a completion may have created the row first, naming someone else: the plan decides
        progress.patientRef = ref.patientRef();

        PlanCalendar calendar = new PlanCalendar(content);
        int fromWeek =
                first
                        ? 1
                        : calendar.countingWeekOf(
                                revisedAt.atZone(analysis.rules().zone()).toLocalDate());
        prescribe(ref, calendar, fromWeek);
        for (Completion waiting : Completion.waitingFor(ref.planId())) {
            if (waiting.patientRef.equals(ref.patientRef())) {
                count(waiting, calendar);
            } else {
                LOG.warnf(
                        "Completion %s names patient %s, plan %s is for another: left uncounted",
                        waiting.completionId, waiting.patientRef, ref.planId());
            }
        }
        changed(progress, plan);
    }

    /**
     * Stores a completion once (by its id) and counts it in its plan week; one whose plan has not
     * arrived is kept and counted when it does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCompletion(ExerciseCompleted event) {
        PlanRef ref = new PlanRef(event.planId(), event.clinicId(), event.patientRef());
        PlanProgress progress = lock(ref);
        PlanView plan = PlanView.findById(event.planId());
        if (plan != null && !plan.patientRef.equals(event.patientRef())) {
            throw new PoisonEventException(
                    "patient-mismatch",
                    "plan " + event.planId() + " is not " + event.patientRef() + "'s plan");
        }
        if (Completion.findById(event.completionId()) != null) {
            return; // the same session published again under another event id
        }
        Completion completion = new Completion();
        completion.completionId = event.completionId();
        completion.clinicId = event.clinicId();
        completion.patientRef = event.patientRef();
        completion.planId = event.planId();
        completion.exerciseId = event.exerciseId();
        completion.side = event.side();
        completion.sets = event.sets();
        completion.reps = event.reps();
        completion.holdSeconds = event.holdSeconds();
        completion.pain = event.pain();
        // PostgreSQL keeps microseconds: store what it will give back
        completion.completedAt = event.completedAt().truncatedTo(ChronoUnit.MICROS);
        completion.receivedAt = Instant.now();
        completion.persist();
        if (progress.lastActivityAt == null
                || completion.completedAt.isAfter(progress.lastActivityAt)) {
            progress.lastActivityAt = completion.completedAt;
        }
        if (plan == null) {
            progress.updatedAt = Instant.now();
            return;
        }
        count(completion, new PlanCalendar(evaluator.content(plan)));
        progress.updatedAt = Instant.now();
        // the worklist's stored figures follow at the next evaluation pass: refreshing them for
        // every session would cost a third of the throughput; summaries are computed live
        notifier.changed(plan.clinicId, plan.patientRef);
    }

    /** The plan's progress row, created by whichever event comes first, locked for update. */
    private static PlanProgress lock(PlanRef ref) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into plan_progress (plan_id, clinic_id, patient_ref, updated_at)"
                                + " values (?1, ?2, ?3, now()) on conflict (plan_id) do nothing")
                .setParameter(1, ref.planId())
                .setParameter(2, ref.clinicId())
                .setParameter(3, ref.patientRef())
                .executeUpdate();
        PlanProgress progress = PlanProgress.findById(ref.planId(), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            throw new PoisonEventException(
                    "plan-of-another-clinic",
                    "plan " + ref.planId() + " belongs to another clinic than " + ref.clinicId());
        }
        return progress;
    }

    private void prescribe(PlanRef ref, PlanCalendar calendar, int fromWeek) {
        Map<ExerciseSide, Integer> weekly = calendar.weeklyPrescription();
        Map<ProgressWeek.Key, ProgressWeek> rows = new HashMap<>();
        for (ProgressWeek row : ProgressWeek.ofPlan(ref.planId())) {
            rows.put(new ProgressWeek.Key(row.planId, row.week, row.exercise()), row);
        }
        int lastWeek = calendar.plan().weeks();
        for (ProgressWeek.Key key : rows.keySet()) {
            lastWeek = Math.max(lastWeek, key.week);
        }
        for (int week = fromWeek; week <= lastWeek; week++) {
            Set<ExerciseSide> exercises = new LinkedHashSet<>(weekly.keySet());
            for (ProgressWeek.Key key : rows.keySet()) {
                if (key.week == week) {
                    exercises.add(new ExerciseSide(key.exerciseId, key.side));
                }
            }
            for (ExerciseSide exercise : exercises) {
                int sessions =
                        week <= calendar.plan().weeks() ? weekly.getOrDefault(exercise, 0) : 0;
                ProgressWeek row = rows.get(new ProgressWeek.Key(ref.planId(), week, exercise));
                if (row == null && sessions > 0) {
                    newRow(ref, week, exercise, sessions).persist();
                } else if (row != null) {
                    row.prescribed = sessions;
                }
            }
        }
    }

    private void count(Completion completion, PlanCalendar calendar) {
        int week =
                calendar.countingWeekOf(
                        completion.completedAt.atZone(analysis.rules().zone()).toLocalDate());
        ProgressWeek row =
                ProgressWeek.findById(
                        new ProgressWeek.Key(completion.planId, week, completion.exercise()));
        if (row == null) {
            row =
                    newRow(
                            new PlanRef(
                                    completion.planId, completion.clinicId, completion.patientRef),
                            week,
                            completion.exercise(),
                            0);
            row.persist();
        }
        row.apply(row.tally().plus(completion.session(), analysis.rules().painLimit()));
        completion.week = week;
    }

    private static ProgressWeek newRow(PlanRef ref, int week, ExerciseSide exercise, int sessions) {
        ProgressWeek row = new ProgressWeek();
        row.planId = ref.planId();
        row.clinicId = ref.clinicId();
        row.week = week;
        row.exerciseId = exercise.exerciseId();
        row.side = exercise.side();
        row.prescribed = sessions;
        return row;
    }

    private void changed(PlanProgress progress, PlanView plan) {
        evaluator.refresh(progress, plan, clock.instant());
        notifier.changed(plan.clinicId, plan.patientRef);
    }

    private String toJson(PlanContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan content", e);
        }
    }
}
