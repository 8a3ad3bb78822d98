package dev.footwork.assessment.application;

import dev.footwork.assessment.persistence.ErasureRequest;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.support.erasure.PatientErasure;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * An admin's request to erase a patient: in one transaction assessment-service deletes its own data
 * about the patient, records the request and publishes {@link PatientErased} for the other
 * services, whose confirmations ({@link ConfirmErasure}) complete it.
 */
@ApplicationScoped
public class RequestErasure {

    /** The patient to erase, in the admin's clinic, and who asked. */
    public record Command(String clinicId, String patientRef, String requestedBy) {}

    /**
     * Children before parents; ?1 is the clinic, ?2 the patient. Feet go with their assessment; the
     * patient's idempotency keys go with the shared rows {@link PatientErasure} deletes.
     */
    static final List<String> DELETES =
            List.of("delete from assessment where clinic_id = ?1 and patient_ref = ?2");

    private final PatientErasure patientErasure;
    private final Outbox outbox;
    private final Clock clock;

    RequestErasure(PatientErasure patientErasure, Outbox outbox, Clock clock) {
        this.patientErasure = patientErasure;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Erases the patient here and asks the other services to; answers the request's status. */
    @Transactional
    public ErasureStatus handle(Command command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ErasureRequest request = new ErasureRequest();
        request.id = UUID.randomUUID();
        request.clinicId = command.clinicId();
        request.patientRef = command.patientRef();
        request.requestedAt = now;
        request.requestedBy = command.requestedBy();
        PatientErased erased =
                new PatientErased(request.id, command.clinicId(), command.patientRef(), now);
        patientErasure.erase(erased, DELETES);
        request.assessmentErasedAt = now;
        request.persist();
        outbox.add(erased, now);
        return ErasureStatus.of(request);
    }
}
