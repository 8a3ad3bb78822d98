package dev.footwork.progress.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.progress.domain.ProgressAnalysis.PlanRef;
import dev.footwork.progress.persistence.ProgressLedger;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds plans and completions into the progress aggregates, each event once. */
@ApplicationScoped
public class ProgressListener {

    static final String PLANS_CONSUMER = "progress-service.plans";
    static final String COMPLETIONS_CONSUMER = "progress-service.completions";

    private final EventInbox inbox;
    private final ProgressLedger ledger;

    ProgressListener(EventInbox inbox, ProgressLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming("plans")
    @Blocking
    public void onPlan(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                PLANS_CONSUMER,
                record,
                Set.of(EventType.PLAN_ISSUED, EventType.PLAN_REVISED),
                event -> {
                    if (event.payload() instanceof PlanIssued issued) {
                        ledger.onPlan(
                                new PlanRef(
                                        issued.planId(), issued.clinicId(), issued.patientRef()),
                                issued.revision(),
                                issued.plan(),
                                issued.issuedAt());
                    } else if (event.payload() instanceof PlanRevised revised) {
                        ledger.onPlan(
                                new PlanRef(
                                        revised.planId(), revised.clinicId(), revised.patientRef()),
                                revised.revision(),
                                revised.plan(),
                                revised.revisedAt());
                    }
                });
    }

    @Incoming("completions")
    @Blocking
    public void onCompletion(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                COMPLETIONS_CONSUMER,
                record,
                Set.of(EventType.EXERCISE_COMPLETED),
                event -> ledger.onCompletion(event.payload(ExerciseCompleted.class)));
    }
}
