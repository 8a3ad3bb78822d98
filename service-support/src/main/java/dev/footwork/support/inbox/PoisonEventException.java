package dev.footwork.support.inbox;

/**
 * An event that can never be applied, however often it is retried: it goes to the dead-letter topic
 * with {@link #cause()} and the message as the reason. Inside the inbox only: use cases refuse
 * events with application exceptions, which the inbox turns into this.
 */
class PoisonEventException extends RuntimeException {

    private final String cause;

    /**
     * @param cause a short, stable class of failure, e.g. {@code invalid-json}
     * @param reason what is wrong, in words a person can act on
     */
    PoisonEventException(String cause, String reason) {
        super(reason);
        this.cause = cause;
    }

    public String cause() {
        return cause;
    }
}
