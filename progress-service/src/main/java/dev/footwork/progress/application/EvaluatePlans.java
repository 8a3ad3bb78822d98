package dev.footwork.progress.application;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.progress.domain.ProgressAlert;
import dev.footwork.progress.domain.ProgressSnapshot;
import dev.footwork.progress.persistence.AlertClaims;
import dev.footwork.progress.persistence.KnownPlan;
import dev.footwork.progress.persistence.PlanKey;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.support.erasure.PatientLock;
import dev.footwork.support.outbox.Outbox;
import dev.footwork.support.retry.ShutdownSignal;
import dev.footwork.support.tenancy.Tenancy;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The evaluation pass: every {@code footwork.progress.evaluation-interval} each replica takes the
 * snapshot of every active plan of every clinic, keeps its worklist figures and emits the progress
 * events that are due. Each event is claimed under its plan and alert key in {@code progress_alert}
 * in the transaction that adds it to the outbox, so it is published once however many replicas run
 * the pass and however often.
 */
@ApplicationScoped
public class EvaluatePlans {

    private static final Logger LOG = Logger.getLogger(EvaluatePlans.class);

    private final PlanSnapshots snapshots;
    private final Outbox outbox;
    private final ChangeNotices notices;
    private final ShutdownSignal shutdown;
    private final PatientLock patientLock;
    private final Clock clock;

    EvaluatePlans(
            PlanSnapshots snapshots,
            Outbox outbox,
            ChangeNotices notices,
            ShutdownSignal shutdown,
            PatientLock patientLock,
            Clock clock) {
        this.patientLock = patientLock;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.notices = notices;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    @Scheduled(
            identity = "progress-evaluation",
            every = "${footwork.progress.evaluation-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (shutdown.raised()) {
            return;
        }
        int emitted = evaluateAll(clock.instant());
        if (emitted > 0) {
            LOG.infof("Progress evaluation emitted %d event(s)", emitted);
        }
    }

    /**
     * Evaluates every active plan of every clinic as of {@code now}, each plan in its own
     * transaction as its clinic's; a plan that fails is left for the next pass.
     *
     * @return the number of progress events emitted
     */
    public int evaluateAll(Instant now) {
        List<KnownPlan.InClinic> plans =
                Tenancy.transaction(Tenancy.NO_CLINIC).call(KnownPlan::activeInEveryClinic);
        int emitted = 0;
        for (KnownPlan.InClinic plan : plans) {
            if (shutdown.raised()) {
                break; // the pass resumes on the next start; nothing is half-emitted
            }
            try {
                emitted += Tenancy.transaction(plan.clinicId()).call(() -> evaluate(plan, now));
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "Evaluating plan %s of %s failed; the next pass retries",
                        plan.planId(),
                        plan.clinicId());
            }
        }
        return emitted;
    }

    /** Evaluates one plan as its clinic and emits the events due; returns how many. */
    private int evaluate(KnownPlan.InClinic known, Instant now) {
        PlanKey key = new PlanKey(known.clinicId(), known.planId());
        KnownPlan plan = KnownPlan.findById(key);
        if (plan == null) {
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
        ProgressSnapshot snapshot = snapshots.keep(progress, plan, now, clock.instant());
        int emitted = 0;
        for (ProgressAlert alert : snapshot.alerts()) {
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
