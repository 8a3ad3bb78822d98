package dev.footwork.progress.application;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.progress.config.ProgressConfig;
import dev.footwork.progress.domain.ProgressAlert;
import dev.footwork.progress.persistence.AlertClaims;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.erasure.PatientLock;
import dev.footwork.support.outbox.Outbox;
import dev.footwork.support.retry.ShutdownSignal;
import dev.footwork.support.tenancy.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The evaluation pass: every {@code footwork.progress.evaluation-interval} each replica evaluates
 * the plans that are due ({@code plan_progress.due_at}): those whose figures time alone has changed
 * since their last evaluation (a new day or week of the plan, a re-assessment date, a session
 * leaving the 7-day window) and those changed by a completion or a revision. It keeps their
 * worklist figures, emits the progress events that are due and sets when each is due next, so its
 * work follows what changed, not how many plans exist. Replicas claim due plans in batches that
 * never overlap. Each event is claimed under its plan and alert key in {@code progress_alert} in
 * the transaction that adds it to the outbox, so it is published once however many replicas run the
 * pass and however often.
 */
@ApplicationScoped
public class EvaluatePlans {

    /**
     * What a pass did.
     *
     * @param plans the plans it evaluated
     * @param emitted the progress events it emitted
     */
    public record Pass(int plans, int emitted) {}

    private static final Logger LOG = Logger.getLogger(EvaluatePlans.class);

    private final PlanSnapshots snapshots;
    private final Outbox outbox;
    private final ChangeNotices notices;
    private final ShutdownSignal shutdown;
    private final PatientLock patientLock;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final Timer duration;
    private final Counter evaluated;

    EvaluatePlans(
            PlanSnapshots snapshots,
            Outbox outbox,
            ChangeNotices notices,
            ShutdownSignal shutdown,
            PatientLock patientLock,
            Clock clock,
            ProgressConfig config,
            MeterRegistry meters) {
        this.patientLock = patientLock;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.notices = notices;
        this.shutdown = shutdown;
        this.clock = clock;
        this.batchSize = config.evaluationBatchSize();
        this.lease = config.evaluationLease();
        this.duration =
                Timer.builder("footwork.evaluation.duration")
                        .description("Time each evaluation pass took")
                        .register(meters);
        this.evaluated =
                Counter.builder("footwork.evaluation.plans")
                        .description("Plans the evaluation passes evaluated")
                        .register(meters);
    }

    @Scheduled(
            identity = "progress-evaluation",
            every = "${footwork.progress.evaluation-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (shutdown.raised()) {
            return;
        }
        evaluateDue(clock.instant());
    }

    /**
     * Evaluates every plan of every clinic due by {@code now}, as of {@code now}: claims them a
     * batch at a time, then evaluates each clinic's plans of the batch in one transaction as that
     * clinic's. When that transaction fails, the clinic's plans are evaluated again one by one,
     * each in its own transaction, so that one failing plan holds back no other. A plan that fails,
     * or that the pass claimed and did not reach (shutdown), is due again when its claim's lease
     * ends.
     *
     * @return how many plans it evaluated and events it emitted
     */
    public Pass evaluateDue(Instant now) {
        long started = System.nanoTime();
        Instant leaseUntil = now.plus(lease);
        int plans = 0;
        int emitted = 0;
        List<PlanProgress.Due> batch;
        do {
            batch =
                    Tenancy.transaction(Tenancy.NO_CLINIC)
                            .call(() -> PlanProgress.claimDue(now, leaseUntil, batchSize));
            Map<String, List<PlanProgress.Due>> byClinic = new LinkedHashMap<>();
            for (PlanProgress.Due due : batch) {
                byClinic.computeIfAbsent(due.key().clinicId(), clinic -> new ArrayList<>())
                        .add(due);
            }
            for (Map.Entry<String, List<PlanProgress.Due>> clinic : byClinic.entrySet()) {
                if (shutdown.raised()) {
                    // nothing is half-emitted; the rest of the batch is due after the lease
                    return finished(started, plans, emitted);
                }
                try {
                    emitted +=
                            Tenancy.transaction(clinic.getKey())
                                    .call(() -> evaluateTogether(clinic.getValue(), now));
                    plans += clinic.getValue().size();
                } catch (RuntimeException together) {
                    LOG.infof(
                            "Evaluating %d plan(s) of %s together failed (%s); evaluating them one"
                                    + " by one",
                            clinic.getValue().size(), clinic.getKey(), together.toString());
                    for (PlanProgress.Due due : clinic.getValue()) {
                        try {
                            emitted +=
                                    Tenancy.transaction(clinic.getKey())
                                            .call(() -> evaluateTogether(List.of(due), now));
                            plans++;
                        } catch (RuntimeException e) {
                            LOG.warnf(
                                    e,
                                    "Evaluating plan %s of %s failed; it is due again at %s",
                                    due.key().planId(),
                                    due.key().clinicId(),
                                    leaseUntil);
                        }
                    }
                }
            }
        } while (batch.size() == batchSize && !shutdown.raised());
        return finished(started, plans, emitted);
    }

    private Pass finished(long started, int plans, int emitted) {
        long took = System.nanoTime() - started;
        duration.record(Duration.ofNanos(took));
        evaluated.increment(plans);
        if (plans > 0) {
            LOG.infof(
                    "Evaluated %d due plan(s) in %d ms, emitted %d event(s)",
                    plans, took / 1_000_000, emitted);
        }
        return new Pass(plans, emitted);
    }

    /**
     * Evaluates plans of one clinic in the caller's transaction, as that clinic, and emits the
     * events due; returns how many. The patients' locks come first, as every writer of a patient
     * takes them (all at once, in the order that keeps transactions taking several from waiting on
     * each other in a circle); then the plans and their rows are read as they are now.
     */
    private int evaluateTogether(List<PlanProgress.Due> due, Instant now) {
        String clinicId = due.get(0).key().clinicId();
        patientLock.lockAll(clinicId, due.stream().map(PlanProgress.Due::patientRef).toList());
        List<UUID> planIds = due.stream().map(d -> d.key().planId()).toList();
        Map<UUID, KnownPlan> plans = KnownPlan.byIds(planIds);
        Map<UUID, PlanProgress> rows = PlanProgress.lockAll(planIds);
        List<KnownPlan> active = new ArrayList<>();
        for (UUID planId : planIds) {
            PlanProgress progress = rows.get(planId);
            if (progress == null) {
                continue; // erased meanwhile
            }
            KnownPlan plan = plans.get(planId);
            if (plan == null) {
                // a row of completions waiting for their plan: due once the plan arrives
                progress.dueAt = null;
            } else if (!"ACTIVE".equals(plan.status)) {
                progress.dueAt = null; // paused or superseded: its figures follow its revisions
            } else {
                active.add(plan);
            }
        }
        Map<UUID, PlanSnapshots.Timed> timed =
                snapshots.keepAll(active, rows, now, clock.instant());
        int emitted = 0;
        for (KnownPlan plan : active) {
            emitted += emitDue(plan, rows.get(plan.planId), timed.get(plan.planId), now);
        }
        return emitted;
    }

    /**
     * Sets when a plan evaluated into {@code timed} is due next and emits the events due; returns
     * how many.
     */
    private int emitDue(
            KnownPlan plan, PlanProgress progress, PlanSnapshots.Timed timed, Instant now) {
        progress.dueAt = timed.nextChange();
        int emitted = 0;
        for (ProgressAlert alert : timed.snapshot().alerts()) {
            PatientEvent event =
                    AlertEvents.of(plan.planId, plan.clinicId, plan.patientRef, alert, now);
            String type = EventType.of(event.getClass()).type();
            if (AlertClaims.claim(plan.planId, alert.key(), plan.clinicId, type, now)) {
                AlertClaims.published(
                        plan.clinicId, plan.planId, alert.key(), outbox.add(event, now));
                emitted++;
            }
        }
        if (emitted > 0) {
            notices.changed(plan.clinicId, plan.patientRef);
        }
        return emitted;
    }
}
