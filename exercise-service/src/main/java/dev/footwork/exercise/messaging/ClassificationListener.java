package dev.footwork.exercise.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.FootClassified;
import dev.footwork.exercise.application.IssuePlan;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns each FootClassified event into a plan, once. */
@ApplicationScoped
public class ClassificationListener {

    static final String CONSUMER = "exercise-service.plans";

    private final EventInbox inbox;
    private final IssuePlan issuePlan;

    ClassificationListener(EventInbox inbox, IssuePlan issuePlan) {
        this.inbox = inbox;
        this.issuePlan = issuePlan;
    }

    @Incoming("classified")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                Set.of(EventType.FOOT_CLASSIFIED),
                event ->
                        issuePlan.handle(
                                IssuePlan.Command.of(event.payload(FootClassified.class))));
    }
}
