package dev.footwork.support.api;

import dev.footwork.support.application.Rejected;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@value #NAME} request header that makes a retried POST safe, and the {@value #REPLAYED}
 * response header that says the answer is the stored result of an earlier request.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    private IdempotencyKeyHeader() {}

    /** The key when one was sent; answers 400 when it is malformed. */
    public static Optional<String> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(value).matches()) {
            throw Rejected.field(NAME, "must be 1 to 200 visible ASCII characters");
        }
        return Optional.of(value);
    }
}
