package dev.footwork.contracts;

import java.util.regex.Pattern;

/**
 * The Kafka record key of every Footwork event, {@code clinicId:patientRef}, so that one patient's
 * events stay in order on one partition.
 *
 * <p>Clinic ids and patient references are opaque, pseudonymous tokens: letters, digits, dot,
 * underscore and hyphen, 1 to 64 characters. They can therefore never contain the separator.
 */
public record PatientKey(String clinicId, String patientRef) {
    /** What a clinic id or patient reference may look like. */
    public static final String TOKEN_REGEX = "^[A-Za-z0-9._-]{1,64}$";

    private static final Pattern TOKEN = Pattern.compile(TOKEN_REGEX);

    public PatientKey {
        requireToken("clinicId", clinicId);
        requireToken("patientRef", patientRef);
    }

    /** Parses a record key written by {@link #toString()}. */
    public static PatientKey parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("record key is missing");
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "record key '" + key + "' is not clinicId:patientRef");
        }
        return new PatientKey(key.substring(0, colon), key.substring(colon + 1));
    }

    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    private static void requireToken(String name, String value) {
        if (!isToken(value)) {
            throw new IllegalArgumentException(
                    name + " must match " + TOKEN_REGEX + " but was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return clinicId + ":" + patientRef;
    }
}
