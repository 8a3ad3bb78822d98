package dev.footwork.progress.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.events.PlanRevised;
import dev.footwork.progress.application.ApplyCompletion;
import dev.footwork.progress.application.ApplyPlan;
import dev.footwork.progress.domain.ExerciseSide;
import dev.footwork.progress.domain.Session;
import dev.footwork.support.inbox.EventInbox;
import dev.footwork.support.inbox.InboundEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds plans and completions into the progress aggregates, each event once. */
@ApplicationScoped
public class ProgressListener {

    static final String PLANS_CONSUMER = "progress-service.plans";
    static final String COMPLETIONS_CONSUMER = "progress-service.completions";
    private static final Set<EventType> PLANS =
            Set.of(EventType.PLAN_ISSUED, EventType.PLAN_REVISED);
    private static final Set<EventType> COMPLETIONS = Set.of(EventType.EXERCISE_COMPLETED);

    private final EventInbox inbox;
    private final ApplyPlan applyPlan;
    private final ApplyCompletion applyCompletion;

    ProgressListener(EventInbox inbox, ApplyPlan applyPlan, ApplyCompletion applyCompletion) {
        this.inbox = inbox;
        this.applyPlan = applyPlan;
        this.applyCompletion = applyCompletion;
    }

    @Incoming("plans")
    @Blocking
    public void onPlan(ConsumerRecords<String, byte[]> records) {
        inbox.receive(PLANS_CONSUMER, records, PLANS, event -> applyPlan.handle(plan(event)));
    }

    @Incoming("completions")
    @Blocking
    public void onCompletion(ConsumerRecords<String, byte[]> records) {
        inbox.receiveTogether(
                COMPLETIONS_CONSUMER,
                records,
                COMPLETIONS,
                events ->
                        applyCompletion.handleAll(
                                events.stream()
                                        .map(event -> event.payload(ExerciseCompleted.class))
                                        .map(ProgressListener::completion)
                                        .toList()));
    }

    private static ApplyPlan.Command plan(InboundEvent event) {
        if (event.payload() instanceof PlanIssued issued) {
            return new ApplyPlan.Command(
                    issued.planId(),
                    issued.clinicId(),
                    issued.patientRef(),
                    issued.revision(),
                    issued.plan(),
                    issued.issuedAt());
        }
        PlanRevised revised = event.payload(PlanRevised.class);
        return new ApplyPlan.Command(
                revised.planId(),
                revised.clinicId(),
                revised.patientRef(),
                revised.revision(),
                revised.plan(),
                revised.revisedAt());
    }

    private static ApplyCompletion.Command completion(ExerciseCompleted event) {
        return new ApplyCompletion.Command(
                event.completionId(),
                event.planId(),
                event.planRevision(),
                event.clinicId(),
                event.patientRef(),
                new ExerciseSide(event.exerciseId(), event.side()),
                new Session(event.sets(), event.reps(), event.holdSeconds(), event.pain()),
                event.completedAt());
    }
}
