package dev.footwork.exercise.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.CompletionSubmitted;
import dev.footwork.exercise.application.LogCompletion;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Logs the completions clinic platforms submit on their ingress topic as the REST API logs one,
 * against a plan of the event's own patient; the inbox has verified the platform's credential for
 * the clinic before. Refused ones are dead-lettered with the fields named.
 */
@ApplicationScoped
public class IngressCompletionsListener {

    static final String CONSUMER = "exercise-service.ingress-completions";

    private final EventInbox inbox;
    private final LogCompletion logCompletion;

    IngressCompletionsListener(EventInbox inbox, LogCompletion logCompletion) {
        this.inbox = inbox;
        this.logCompletion = logCompletion;
    }

    @Incoming("ingress-completions")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                Set.of(EventType.COMPLETION_SUBMITTED),
                event -> logCompletion.handle(command(event.payload(CompletionSubmitted.class))));
    }

    /** No idempotency key: the completion id names a completion, the inbox de-duplicates events. */
    private static LogCompletion.Command command(CompletionSubmitted c) {
        return new LogCompletion.Command(
                c.clinicId(),
                c.planId(),
                Optional.empty(),
                Optional.of(c.patientRef()),
                new LogCompletion.Entry(
                        c.completionId(),
                        c.exerciseId(),
                        c.side(),
                        c.sets(),
                        c.reps(),
                        c.holdSeconds(),
                        c.bandColour(),
                        c.pain(),
                        c.completedAt()));
    }
}
