package dev.footwork.support.application;

import java.util.List;

/** The command is invalid in itself: each field at fault says why. */
public final class Rejected extends ApplicationException {

    public Rejected(List<FieldError> errors) {
        this("rejected", errors);
    }

    /**
     * @param code the refusal's stable name, e.g. {@code invalid-measurements}
     */
    public Rejected(String code, List<FieldError> errors) {
        super(code, FieldError.describe(errors), errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one field");
        }
    }

    public static Rejected field(String field, String message) {
        return new Rejected(List.of(new FieldError(field, message)));
    }

    /** The same rejection under another code, e.g. when an event rather than a request said it. */
    public Rejected as(String otherCode) {
        return new Rejected(otherCode, errors());
    }
}
