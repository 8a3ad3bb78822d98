package dev.footwork.assessment.messaging;

import dev.footwork.assessment.application.ConfirmErasure;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.DataErased;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the other services' confirmations that they have erased a patient. */
@ApplicationScoped
public class ErasureConfirmationListener {

    static final String CONSUMER = "assessment-service.erasure-confirmations";

    private final EventInbox inbox;
    private final ConfirmErasure confirmErasure;

    ErasureConfirmationListener(EventInbox inbox, ConfirmErasure confirmErasure) {
        this.inbox = inbox;
        this.confirmErasure = confirmErasure;
    }

    @Incoming("erasure-confirmations")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                Set.of(EventType.EXERCISE_DATA_ERASED, EventType.PROGRESS_DATA_ERASED),
                event -> confirmErasure.handle(command(event.payload(DataErased.class))));
    }

    private static ConfirmErasure.Command command(DataErased confirmation) {
        return new ConfirmErasure.Command(
                confirmation.erasureId(),
                confirmation instanceof ExerciseDataErased
                        ? ConfirmErasure.Service.EXERCISE
                        : ConfirmErasure.Service.PROGRESS,
                confirmation.erasedAt());
    }
}
