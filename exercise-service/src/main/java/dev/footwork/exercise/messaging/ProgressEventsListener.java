package dev.footwork.exercise.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PainRuleBroken;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.exercise.persistence.PlanReviser;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the progression loop: a completed phase moves the plan on and a step heavier, a broken
 * pain rule takes a step of load off. Adherence and re-assessment alerts are for clinicians and
 * leave the plan as it is.
 */
@ApplicationScoped
public class ProgressEventsListener {

    static final String CONSUMER = "exercise-service.progression";

    private static final Set<EventType> ACCEPTED =
            Set.of(
                    EventType.PHASE_COMPLETED,
                    EventType.PAIN_RULE_BROKEN,
                    EventType.ADHERENCE_DROPPED,
                    EventType.REASSESSMENT_DUE);

    private final EventInbox inbox;
    private final PlanReviser reviser;

    ProgressEventsListener(EventInbox inbox, PlanReviser reviser) {
        this.inbox = inbox;
        this.reviser = reviser;
    }

    @Incoming("progress")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                CONSUMER,
                record,
                ACCEPTED,
                event -> {
                    if (event.type() == EventType.PHASE_COMPLETED) {
                        reviser.onPhaseCompleted(event.payload(PhaseCompleted.class));
                    } else if (event.type() == EventType.PAIN_RULE_BROKEN) {
                        reviser.onPainRuleBroken(event.payload(PainRuleBroken.class));
                    }
                });
    }
}
