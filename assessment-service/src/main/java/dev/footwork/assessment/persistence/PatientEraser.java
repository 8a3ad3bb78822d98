package dev.footwork.assessment.persistence;

import dev.footwork.contracts.events.DataErased;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.support.erasure.Erasures;
import dev.footwork.support.inbox.PoisonEventException;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Accepts erasure requests: in one transaction assessment-service deletes its own data about the
 * patient, records the request and publishes {@link PatientErased} for the other services; their
 * confirmations complete the request.
 */
@ApplicationScoped
public class PatientEraser {

    /** Children before parents; ?1 is the clinic, ?2 the patient. Feet go with their assessment. */
    static final List<String> DELETES =
            List.of(
                    "delete from assessment_request where assessment_id in (select id from"
                            + " assessment where clinic_id = ?1 and patient_ref = ?2)",
                    "delete from assessment where clinic_id = ?1 and patient_ref = ?2");

    private final Erasures erasures;
    private final Outbox outbox;

    PatientEraser(Erasures erasures, Outbox outbox) {
        this.erasures = erasures;
        this.outbox = outbox;
    }

    /** Erases the patient here and asks the other services to; returns the stored request. */
    @Transactional
    public ErasureRequest erase(String clinicId, String patientRef, String requestedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ErasureRequest request = new ErasureRequest();
        request.id = UUID.randomUUID();
        request.clinicId = clinicId;
        request.patientRef = patientRef;
        request.requestedAt = now;
        request.requestedBy = requestedBy;
        PatientErased erased = new PatientErased(request.id, clinicId, patientRef, now);
        erasures.erase(erased, DELETES);
        request.assessmentErasedAt = now;
        request.persist();
        outbox.add(erased, now);
        return request;
    }

    /** Records a service's confirmation, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(DataErased confirmation) {
        ErasureRequest request = ErasureRequest.findById(confirmation.erasureId());
        if (request == null) {
            throw new PoisonEventException(
                    "unknown-erasure",
                    "no erasure request " + confirmation.erasureId() + " in this clinic");
        }
        if (confirmation instanceof ExerciseDataErased && request.exerciseErasedAt == null) {
            request.exerciseErasedAt = confirmation.erasedAt();
        } else if (confirmation instanceof ProgressDataErased && request.progressErasedAt == null) {
            request.progressErasedAt = confirmation.erasedAt();
        }
        request.completeIfConfirmed();
    }
}
