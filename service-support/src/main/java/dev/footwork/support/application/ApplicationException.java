package dev.footwork.support.application;

import java.util.List;

/**
 * A use case's refusal, said once in words of the application: {@code support/api} turns each kind
 * into its problem+json answer, the inbox into a dead-letter cause. Plain Java, so that the domain
 * may throw it too.
 */
public abstract sealed class ApplicationException extends RuntimeException
        permits NotFound, Conflict, PreconditionFailed, Rejected, Inapplicable, Forbidden {

    private final String code;
    private final List<FieldError> errors;

    /**
     * @param code a short, stable kebab-case name of the refusal, e.g. {@code unknown-plan}; the
     *     dead-letter cause when an event is refused
     * @param detail what is wrong, in words a person can act on
     * @param errors the fields at fault, when the refusal is about some
     */
    protected ApplicationException(String code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
