package dev.footwork.support.api;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.application.Rejected;

/** The pseudonymous patient reference in a request path. */
public final class PatientRefParam {

    private PatientRefParam() {}

    /** Returns the reference, or answers 400 when it is not an opaque token. */
    public static String require(String patientRef) {
        if (!PatientKey.isToken(patientRef)) {
            throw Rejected.field("patientRef", "must match " + PatientKey.TOKEN_REGEX);
        }
        return patientRef;
    }
}
