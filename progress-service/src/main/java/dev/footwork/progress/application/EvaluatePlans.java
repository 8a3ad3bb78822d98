package dev.footwork.progress.application;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.progress.config.ProgressConfig;
import dev.footwork.progress.domain.ProgressAlert;
import dev.footwork.progress.persistence.AlertClaims;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
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
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
     * batch at a time, then evaluates each in its own transaction as its clinic's. A plan that
     * fails, or that the pass claimed and did not reach (shutdown), is due again when its claim's
     * lease ends.
     *
     * @return how many plans it evaluated and events it emitted
     */
    public Pass evaluateDue(Instant now) {
        long started = System.nanoTime();
        Instant leaseUntil = now.plus(lease);
        int plans = 0;
        int emitted = 0;
        List<PlanKey> batch;
        do {
            batch =
                    Tenancy.transaction(Tenancy.NO_CLINIC)
                            .call(() -> PlanProgress.claimDue(now, leaseUntil, batchSize));
            for (PlanKey plan : batch) {
                if (shutdown.raised()) {
                    // nothing is half-emitted; the rest of the batch is due after the lease
                    return new Pass(plans, emitted);
                }
                try {
                    emitted += Tenancy.transaction(plan.clinicId()).call(() -> evaluate(plan, now));
                    plans++;
                } catch (RuntimeException e) {
                    LOG.warnf(
                            e,
                            "Evaluating plan %s of %s failed; it is due again at %s",
                            plan.planId(),
                            plan.clinicId(),
                            leaseUntil);
                }
            }
        } while (batch.size() == batchSize && !shutdown.raised());
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

    /** Evaluates one plan as its clinic and emits the events due; returns how many. */
    private int evaluate(PlanKey key, Instant now) {
        KnownPlan plan = KnownPlan.findById(key);
        if (plan == null) {
            // a row of completions waiting for their plan: due once the plan arrives
            PlanProgress waiting = PlanProgress.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (waiting != null && KnownPlan.findById(key) == null) {
                waiting.dueAt = null;
            }
            return 0;
        }
        // the patient first, as every writer of the patient does; then the plan as it is now
        patientLock.lock(plan.clinicId, plan.patientRef);
        PlanProgress progress;
        try {
            KnownPlan.getEntityManager().refresh(plan);
            progress = PlanProgress.findById(key, LockModeType.PESSIMISTIC_WRITE);
        } catch (EntityNotFoundException erasedMeanwhile) {
            return 0;
        }
        if (progress == null) {
            return 0;
        }
        if (!"ACTIVE".equals(plan.status)) {
            progress.dueAt = null; // paused or superseded: its figures follow its revisions
            return 0;
        }
        PlanSnapshots.Timed timed = snapshots.keep(progress, plan, now, clock.instant());
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
