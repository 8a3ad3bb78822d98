package dev.footwork.exercise.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.exercise.application.EraseLocally;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Erasure requests (PatientErased): this service erases the patient's data and confirms, once. */
@ApplicationScoped
public class ErasureListener {

    static final String CONSUMER = "exercise-service.erasures";

    private final EventInbox inbox;
    private final EraseLocally eraseLocally;

    ErasureListener(EventInbox inbox, EraseLocally eraseLocally) {
        this.inbox = inbox;
        this.eraseLocally = eraseLocally;
    }

    @Incoming("erasures")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                Set.of(EventType.PATIENT_ERASED),
                event -> eraseLocally.handle(event.payload(PatientErased.class)));
    }
}
