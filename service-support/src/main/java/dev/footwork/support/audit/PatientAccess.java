package dev.footwork.support.audit;

import dev.footwork.support.application.NotFound;
import dev.footwork.support.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * A request's access to patients' data, checked and written down in one step: every patient a
 * resource checks or changes is noted for the audit trail ({@link AuditRecorder}), so that no
 * access goes unrecorded.
 */
@RequestScoped
public class PatientAccess {

    private final Caller caller;
    private final AuditContext audit;

    PatientAccess(Caller caller, AuditContext audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * Checks that the caller may see this patient's data, and records the access. A patient asking
     * about anyone else gets the same 404 as for a patient who does not exist, so nothing leaks.
     *
     * @param what names the resource in the 404, e.g. "plan 1234"
     */
    public void requireAccessTo(String patientRef, String what) {
        audit.note(patientRef);
        if (!caller.mayAccess(patientRef)) {
            throw new NotFound(what);
        }
    }

    /** Records, for the audit trail, a patient whose data this request creates or changes. */
    public void recordChangeTo(String patientRef) {
        audit.note(patientRef);
    }
}
