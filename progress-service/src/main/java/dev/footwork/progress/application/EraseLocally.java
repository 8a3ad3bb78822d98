package dev.footwork.progress.application;

import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.ProgressDataErased;
import dev.footwork.progress.persistence.PatientDeletes;
import dev.footwork.support.erasure.PatientErasure;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Erases a patient's weekly tallies, alerts, stored completions, progress rows and plans when an
 * admin has the patient erased (PatientErased), and confirms it with ProgressDataErased, in one
 * transaction.
 */
@ApplicationScoped
public class EraseLocally {

    private final PatientErasure erasure;
    private final Outbox outbox;
    private final Clock clock;

    EraseLocally(PatientErasure erasure, Outbox outbox, Clock clock) {
        this.erasure = erasure;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Erases in the consumer's transaction; the request is the command. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(PatientErased request) {
        erasure.erase(request, PatientDeletes.STATEMENTS);
        Instant now = clock.instant();
        outbox.add(
                new ProgressDataErased(
                        request.erasureId(), request.clinicId(), request.patientRef(), now),
                now);
    }
}
