package dev.footwork.assessment.messaging;

import dev.footwork.assessment.persistence.PatientEraser;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.DataErased;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the other services' confirmations that they have erased a patient. */
@ApplicationScoped
public class ErasureConfirmationListener {

    static final String CONSUMER = "assessment-service.erasure-confirmations";

    private final EventInbox inbox;
    private final PatientEraser eraser;

    ErasureConfirmationListener(EventInbox inbox, PatientEraser eraser) {
        this.inbox = inbox;
        this.eraser = eraser;
    }

    @Incoming("erasure-confirmations")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                CONSUMER,
                record,
                Set.of(EventType.EXERCISE_DATA_ERASED, EventType.PROGRESS_DATA_ERASED),
                event -> eraser.confirmed((DataErased) event.payload()));
    }
}
