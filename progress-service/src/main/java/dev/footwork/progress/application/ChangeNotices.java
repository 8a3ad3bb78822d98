package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import dev.footwork.progress.persistence.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Tells every replica that a patient's progress changed: a notice on PostgreSQL channel {@link
 * #CHANNEL} sent in the changing transaction, delivered only if and when it commits. Each replica's
 * {@code live.ChangeListener} hands the notices to its {@link ProgressFollowers}.
 */
@ApplicationScoped
public class ChangeNotices {

    /** The PostgreSQL channel; the payload is {@code <clinic> <patientRef>}. */
    public static final String CHANNEL = "footwork_progress";

    @Transactional(Transactional.TxType.MANDATORY)
    void changed(String clinicId, String patientRef) {
        Notifications.send(CHANNEL, clinicId + " " + patientRef);
    }

    /** The patient a notice's payload names; empty for a payload this service did not send. */
    public static Optional<PatientKey> patientOf(String payload) {
        int space = payload.indexOf(' ');
        return space > 0
                ? Optional.of(
                        new PatientKey(payload.substring(0, space), payload.substring(space + 1)))
                : Optional.empty();
    }
}
