package dev.footwork.support.security;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.application.Forbidden;
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

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's clinic; a token without a well-formed one is refused with 403. */
    public String clinicId() {
        String clinic = token.getClaim(CLINIC_CLAIM);
        if (clinic == null || !PatientKey.isToken(clinic)) {
            throw new Forbidden("the token names no clinic (claim " + CLINIC_CLAIM + ")");
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
            throw new Forbidden(
                    "a patient token must name its patient (claim " + PATIENT_CLAIM + ")");
        }
        return Optional.of(patient);
    }

    /**
     * Whether the caller may see this patient's data: staff and system tokens see their clinic's
     * patients, a patient token only its own patient.
     */
    public boolean mayAccess(String patientRef) {
        Optional<String> own = patientRef();
        return own.isEmpty() || own.get().equals(patientRef);
    }

    /** Who the token is for: its subject, else its name. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }
}
