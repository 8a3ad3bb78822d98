package dev.footwork.exercise.application;

import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.support.erasure.PatientErasure;
import dev.footwork.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Erases a patient's plans, revisions and completions when an admin has the patient erased, and
 * confirms with ExerciseDataErased in the same transaction.
 */
@ApplicationScoped
public class EraseLocally {

    /** Children before parents; ?1 is the clinic, ?2 the patient. */
    static final List<String> DELETES =
            List.of(
                    "delete from completion where clinic_id = ?1 and patient_ref = ?2",
                    "delete from plan_revision where plan_id in (select id from plan where"
                            + " clinic_id = ?1 and patient_ref = ?2)",
                    "delete from plan where clinic_id = ?1 and patient_ref = ?2");

    private final PatientErasure erasure;
    private final Outbox outbox;
    private final Clock clock;

    EraseLocally(PatientErasure erasure, Outbox outbox, Clock clock) {
        this.erasure = erasure;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The request is the command: the erasure, its clinic and its patient. */
    @Transactional
    public void handle(PatientErased request) {
        erasure.erase(request, DELETES);
        Instant now = clock.instant();
        outbox.add(
                new ExerciseDataErased(
                        request.erasureId(), request.clinicId(), request.patientRef(), now),
                now);
    }
}
