package dev.footwork.support.api;

import java.util.List;

/** Thrown by resources and domain services to answer with a problem detail. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(
            int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                400,
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
