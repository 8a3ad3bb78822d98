package dev.footwork.progress.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.progress.domain.Assessment;
import dev.footwork.progress.domain.Assessment.DueAlert;
import dev.footwork.progress.domain.Flag;
import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressAnalysis.PlanRef;
import dev.footwork.progress.domain.WeekTally;
import dev.footwork.support.outbox.Outbox;
import dev.footwork.support.tenancy.Tenancy;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Assesses plans: on every change (figures only) and in a periodic pass over every active plan of
 * every clinic, which also emits the progress events that are due. Each event is recorded under its
 * plan and key in {@code progress_alert} in the transaction that adds it to the outbox, so it is
 * published once however many replicas run the pass and however often.
 */
@ApplicationScoped
public class ProgressEvaluator {

    private static final Logger LOG = Logger.getLogger(ProgressEvaluator.class);

    private final ProgressAnalysis analysis;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final ProgressNotifier notifier;
    private final Clock clock;
    private volatile boolean stopping;

    ProgressEvaluator(
            ProgressAnalysis analysis,
            ObjectMapper mapper,
            Outbox outbox,
            ProgressNotifier notifier,
            Clock clock) {
        this.analysis = analysis;
        this.mapper = mapper;
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(
            identity = "progress-evaluation",
            every = "${footwork.progress.evaluation-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (stopping) {
            return;
        }
        int emitted = evaluateAll(clock.instant());
        if (emitted > 0) {
            LOG.infof("Progress evaluation emitted %d event(s)", emitted);
        }
    }

    /**
     * Evaluates every active plan of every clinic as of {@code now}, each plan in its own
     * transaction as its clinic's.
     *
     * @return the number of progress events emitted
     */
    public int evaluateAll(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> plans =
                Tenancy.transaction(Tenancy.NO_CLINIC)
                        .call(
                                () ->
                                        Panache.getEntityManager()
                                                // every clinic's plans: a native query, which the
                                                // tenant filter does not restrict
                                                .createNativeQuery(
                                                        "select clinic_id, plan_id from plan_view"
                                                                + " where status = 'ACTIVE'")
                                                .getResultList());
        int emitted = 0;
        for (Object[] plan : plans) {
            if (stopping) {
                break; // the pass resumes on the next start; nothing is half-emitted
            }
            String clinic = (String) plan[0];
            UUID planId = (UUID) plan[1];
            try {
                emitted += Tenancy.transaction(clinic).call(() -> evaluate(planId, now));
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "Evaluating plan %s of %s failed; the next pass retries",
                        planId,
                        clinic);
            }
        }
        return emitted;
    }

    /** Evaluates one plan of the current clinic and emits the events due; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluate(UUID planId, Instant now) {
        PlanProgress progress = PlanProgress.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        PlanView plan = PlanView.findById(planId);
        if (progress == null || plan == null) {
            return 0;
        }
        Assessment assessment = refresh(progress, plan, now);
        int emitted = 0;
        for (DueAlert alert : assessment.alerts()) {
            if (claim(plan, alert, now)) {
                UUID eventId = outbox.add(alert.event(), now);
                Panache.getEntityManager()
                        .createNativeQuery(
                                "update progress_alert set event_id = ?1 where plan_id = ?2 and"
                                        + " alert_key = ?3")
                        .setParameter(1, eventId)
                        .setParameter(2, plan.planId)
                        .setParameter(3, alert.key())
                        .executeUpdate();
                emitted++;
            }
        }
        if (emitted > 0) {
            notifier.changed(plan.clinicId, plan.patientRef);
        }
        return emitted;
    }

    /** Assesses a plan as of {@code now} without storing anything. */
    public Assessment assess(PlanView plan, Instant now) {
        List<WeekTally> tallies =
                ProgressWeek.ofPlan(plan.planId).stream().map(ProgressWeek::tally).toList();
        LocalDate today = now.atZone(analysis.rules().zone()).toLocalDate();
        Instant windowStart = today.minusDays(6).atStartOfDay(analysis.rules().zone()).toInstant();
        return analysis.assess(
                new PlanRef(plan.planId, plan.clinicId, plan.patientRef),
                content(plan),
                tallies,
                Completion.countedBetween(plan.planId, windowStart, now),
                now);
    }

    /** Stores the figures the worklist sorts by; the caller holds the plan's lock. */
    Assessment refresh(PlanProgress progress, PlanView plan, Instant now) {
        Assessment assessment = assess(plan, now);
        progress.currentWeek = assessment.currentWeek();
        progress.adherencePercent = decimal(assessment.adherencePercent());
        progress.adherenceLast7DaysPercent = decimal(assessment.adherenceLast7DaysPercent());
        progress.maxPain = assessment.maxPain();
        progress.painTrend = assessment.painTrend().name();
        progress.flags =
                assessment.flags().stream().map(Flag::name).collect(Collectors.joining(","));
        progress.riskScore = assessment.riskScore();
        progress.nextReassessmentOn = assessment.nextReassessmentOn();
        progress.evaluatedAt = now;
        progress.updatedAt = Instant.now();
        return assessment;
    }

    /** The plan content of a stored plan. */
    public PlanContent content(PlanView plan) {
        try {
            return mapper.readValue(plan.content, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan " + plan.planId + " is unreadable", e);
        }
    }

    /** Claims an alert's key for the plan; false when it was emitted before. */
    private static boolean claim(PlanView plan, DueAlert alert, Instant now) {
        return Panache.getEntityManager()
                        .createNativeQuery(
                                "insert into progress_alert (plan_id, alert_key, clinic_id,"
                                        + " event_type, emitted_at) values (?1, ?2, ?3, ?4, ?5)"
                                        + " on conflict do nothing")
                        .setParameter(1, plan.planId)
                        .setParameter(2, alert.key())
                        .setParameter(3, plan.clinicId)
                        .setParameter(4, EventType.of(alert.event().getClass()).type())
                        .setParameter(5, now)
                        .executeUpdate()
                == 1;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
