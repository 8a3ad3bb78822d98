package dev.footwork.support.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The patients the current request reads or changes, noted as the request meets them, and the
 * entries already written in the request's own transaction ({@link ChangeTransaction}).
 */
@RequestScoped
public class AuditContext {

    private final Set<String> patients = new LinkedHashSet<>();
    private final Set<String> recorded = new HashSet<>();
    private int recordedStatus;

    void note(String patientRef) {
        if (patientRef != null) {
            patients.add(patientRef);
        }
    }

    Set<String> patients() {
        return Set.copyOf(patients);
    }

    /** The entries of these patients (null: none) were committed with the change, as status. */
    void recorded(Iterable<String> patientRefs, int status) {
        recorded.clear();
        patientRefs.forEach(p -> recorded.add(p == null ? "" : p));
        recordedStatus = status;
    }

    /** Whether the entry of this patient and status is in the trail already. */
    boolean isRecorded(String patientRef, int status) {
        return status == recordedStatus && recorded.contains(patientRef == null ? "" : patientRef);
    }
}
