package dev.footwork.support.application;

import java.util.List;

/**
 * A well-formed command that cannot be applied to what exists: a change that does not fit the plan,
 * an idempotency key sent again with another request.
 */
public final class Inapplicable extends ApplicationException {

    private final String summary;

    /**
     * @param summary a short title of the refusal, e.g. {@code Adjustment does not fit the plan}
     */
    public Inapplicable(String code, String summary, String detail, List<FieldError> errors) {
        super(code, detail, errors);
        this.summary = summary;
    }

    /** An {@code Idempotency-Key} that came before with a different request. */
    public static Inapplicable idempotencyKeyReused(String what) {
        return new Inapplicable(
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "this Idempotency-Key was already used for a different " + what,
                List.of());
    }

    public String summary() {
        return summary;
    }
}
