package dev.footwork.support.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The instants Footwork takes from any caller, over REST or in an event: the years 1900 to 9999,
 * UTC. Java reads far wider instants ({@code -5000-01-01T00:00:00Z}, {@code
 * +999999999-12-31T23:59:59Z}) than PostgreSQL stores (4713 BC to 294276 AD) or an RFC 3339
 * timestamp can write (four-digit years), so one range, stated in the API documents, keeps every
 * instant storable, comparable and printable. Plain Java, so that the domain checks it too.
 */
public final class InstantRange {

    /** The earliest instant accepted. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The first instant past the range: the last accepted lies just before it. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    /** What a refused instant is told; also the default message of the REST constraint. */
    public static final String MESSAGE =
            "must lie in the years 1900 to 9999 (1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z)";

    private InstantRange() {}

    /** Whether the instant is in the range; null is not (a required instant is checked apart). */
    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }

    /** The error naming {@code field} when a given instant lies outside the range. */
    public static Optional<FieldError> check(String field, Instant instant) {
        return instant == null || contains(instant)
                ? Optional.empty()
                : Optional.of(new FieldError(field, MESSAGE));
    }

    /**
     * Returns the instant, or refuses it naming {@code field}.
     *
     * @throws Rejected when the instant lies outside the range
     */
    public static Instant require(String field, Instant instant) {
        Optional<FieldError> error = check(field, instant);
        if (error.isPresent()) {
            throw new Rejected(List.of(error.get()));
        }
        return instant;
    }
}
