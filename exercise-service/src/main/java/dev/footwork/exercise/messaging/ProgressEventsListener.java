package dev.footwork.exercise.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.exercise.application.ApplyProgressEvent;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Progress events from progress-service: a completed phase or a broken pain rule revises the plan;
 * adherence and re-assessment alerts are accepted and change nothing.
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
    private final ApplyProgressEvent apply;

    ProgressEventsListener(EventInbox inbox, ApplyProgressEvent apply) {
        this.inbox = inbox;
        this.apply = apply;
    }

    @Incoming("progress")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                ACCEPTED,
                event -> ApplyProgressEvent.Command.of(event.payload()).ifPresent(apply::handle));
    }
}
