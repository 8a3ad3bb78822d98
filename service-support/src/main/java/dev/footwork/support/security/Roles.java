package dev.footwork.support.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** Clinic staff: reads and changes their clinic's patients. */
    public static final String CLINICIAN = "clinician";

    /** A patient: reaches only their own plan, completions and progress. */
    public static final String PATIENT = "patient";

    /** A clinic platform's system account: posts measurements and completions for its clinic. */
    public static final String INTEGRATION = "integration";

    /** A clinic's administrator: audit trail and erasure for their clinic. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
