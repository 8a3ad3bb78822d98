package dev.footwork.support.inbox;

/**
 * An event that can never be applied, however often it is retried: it goes to the dead-letter topic
 * with {@link #cause()} and the message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    private final String cause;

    /**
     * @param cause a short, stable class of failure, e.g. {@code invalid-json}
     * @param reason what is wrong, in words a person can act on
     */
    public PoisonEventException(String cause, String reason) {
        super(reason);
        this.cause = cause;
    }

    public String cause() {
        return cause;
    }
}
