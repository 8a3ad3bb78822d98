package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import dev.footwork.progress.persistence.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells every replica that a patient's progress changed: a notice on PostgreSQL channel {@link
 * #CHANNEL} sent in the changing transaction, delivered only if and when it commits. Each replica's
 * {@code live.ChangeListener} hands the notices to its {@link ProgressFollowers}.
 */
@ApplicationScoped
public class ChangeNotices {

    /** The PostgreSQL channel; the payload is {@code <clinic> <patientRef>}. */
    public static final String CHANNEL = "footwork_progress";

    /** This transaction's payloads sent so far, a resource of the transaction. */
    private static final Object SENT = new Object();

    private final TransactionSynchronizationRegistry transactions;

    ChangeNotices(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Notes that the patient's progress changed in the caller's transaction. PostgreSQL delivers a
     * transaction's equal notices once, so a patient changed by many events of one transaction is
     * notified by its first only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(String clinicId, String patientRef) {
        String payload = clinicId + " " + patientRef;
        if (sent().add(payload)) {
            Notifications.send(CHANNEL, payload);
        }
    }

    /**
     * Notes that several patients' progress changed in the caller's transaction, in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(String clinicId, Collection<String> patientRefs) {
        Set<String> sent = sent();
        Set<String> payloads = new LinkedHashSet<>();
        for (String patientRef : patientRefs) {
            String payload = clinicId + " " + patientRef;
            if (sent.add(payload)) {
                payloads.add(payload);
            }
        }
        if (!payloads.isEmpty()) {
            Notifications.sendAll(CHANNEL, payloads);
        }
    }

    /** This transaction's payloads sent so far. */
    private Set<String> sent() {
        @SuppressWarnings("unchecked")
        Set<String> sent = (Set<String>) transactions.getResource(SENT);
        if (sent == null) {
            sent = new HashSet<>();
            transactions.putResource(SENT, sent);
        }
        return sent;
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
