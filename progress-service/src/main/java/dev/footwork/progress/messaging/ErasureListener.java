package dev.footwork.progress.messaging;

import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.support.erasure.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    private final Erasures erasures;

    ErasureListener(Erasures erasures) {
        this.erasures = erasures;
    }

    @Incoming("erasures")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        erasures.receive(
                CONSUMER,
                record,
                DELETES,
                (request, at) ->
                        new ProgressDataErased(
                                request.erasureId(), request.clinicId(), request.patientRef(), at));
    }
}
