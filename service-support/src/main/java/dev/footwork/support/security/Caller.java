package dev.footwork.support.security;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.audit.AuditContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: the clinic (tenant) from claim {@code clinic_id},
 * and the patient a patient token is for from {@code patient_ref}. Resources take the tenant from
 * here and nowhere else.
 */
@RequestScoped
public class Caller {

    static final String CLINIC_CLAIM = "clinic_id";
    static final String PATIENT_CLAIM = "patient_ref";

    private final JsonWebToken token;
    private final AuditContext audit;

    Caller(JsonWebToken token, AuditContext audit) {
        this.token = token;
        this.audit = audit;
    }

    /** The caller's clinic; a token without a well-formed one is refused with 403. */
    public String clinicId() {
        String clinic = token.getClaim(CLINIC_CLAIM);
        if (clinic == null || !PatientKey.isToken(clinic)) {
            throw new ProblemException(
                    403, "Forbidden", "the token names no clinic (claim " + CLINIC_CLAIM + ")");
        }
        return clinic;
    }

    public boolean isPatient() {
        return token.getGroups().contains(Roles.PATIENT);
    }

    /** The patient a patient token is for; empty for staff and system tokens. */
    public Optional<String> patientRef() {
        if (!isPatient()) {
            return Optional.empty();
        }
        String patient = token.getClaim(PATIENT_CLAIM);
        if (patient == null || !PatientKey.isToken(patient)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "a patient token must name its patient (claim " + PATIENT_CLAIM + ")");
        }
        return Optional.of(patient);
    }

    /** Notes, for the audit trail, a patient whose data this request creates or changes. */
    public void touching(String patientRef) {
        audit.touching(patientRef);
    }

    /**
     * Checks that the caller may see this patient's data. A patient asking about anyone else gets
     * the same 404 as for a patient who does not exist, so nothing leaks.
     *
     * @param what names the resource in the 404, e.g. "plan 1234"
     */
    public void requireAccessTo(String patientRef, String what) {
        audit.touching(patientRef);
        Optional<String> own = patientRef();
        if (own.isPresent() && !own.get().equals(patientRef)) {
            throw ProblemException.notFound(what);
        }
    }
}
