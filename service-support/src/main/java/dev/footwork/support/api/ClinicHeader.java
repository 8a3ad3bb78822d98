package dev.footwork.support.api;

import dev.footwork.contracts.PatientKey;

/**
 * The clinic (tenant) a request acts for, taken from the {@value #NAME} header that the API gateway
 * sets.
 */
public final class ClinicHeader {

    public static final String NAME = "X-Clinic-Id";

    private ClinicHeader() {}

    /** Returns the clinic id, or answers 400 when the header is missing or malformed. */
    public static String require(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(NAME, "header is required");
        }
        if (!PatientKey.isToken(value)) {
            throw ProblemException.invalidField(NAME, "must match " + PatientKey.TOKEN_REGEX);
        }
        return value;
    }
}
