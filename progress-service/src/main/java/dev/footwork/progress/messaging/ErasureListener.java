package dev.footwork.progress.messaging;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.support.erasure.Erasures;
import dev.footwork.support.inbox.EventInbox;
import dev.footwork.support.outbox.Outbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Erases a patient's aggregates, stored completions and alerts when an admin has the patient
 * erased, then confirms.
 */
@ApplicationScoped
public class ErasureListener {

    static final String CONSUMER = "progress-service.erasures";

    /** Children before parents; ?1 is the clinic, ?2 the patient. */
    static final List<String> DELETES =
            List.of(
                    "delete from progress_week where plan_id in (select plan_id from plan_progress"
                            + " where clinic_id = ?1 and patient_ref = ?2)",
                    "delete from progress_alert where plan_id in (select plan_id from"
                            + " plan_progress where clinic_id = ?1 and patient_ref = ?2)",
                    "delete from completion where clinic_id = ?1 and patient_ref = ?2",
                    "delete from plan_progress where clinic_id = ?1 and patient_ref = ?2",
                    "delete from plan_view where clinic_id = ?1 and patient_ref = ?2");

    private final EventInbox inbox;
    private final Erasures erasures;
    private final Outbox outbox;

    ErasureListener(EventInbox inbox, Erasures erasures, Outbox outbox) {
        this.inbox = inbox;
        this.erasures = erasures;
        this.outbox = outbox;
    }

    @Incoming("erasures")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                CONSUMER,
                record,
                Set.of(EventType.PATIENT_ERASED),
                event -> {
                    PatientErased request = event.payload(PatientErased.class);
                    erasures.erase(request, DELETES);
                    Instant now = Instant.now();
                    outbox.add(
                            new ProgressDataErased(
                                    request.erasureId(),
                                    request.clinicId(),
                                    request.patientRef(),
                                    now),
                            now);
                });
    }
}
