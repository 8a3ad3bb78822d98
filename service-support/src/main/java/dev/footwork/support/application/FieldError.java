package dev.footwork.support.application;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One field at fault in a command: its path as the caller wrote it ({@code feet[1].side}) and what
 * is wrong with it.
 */
public record FieldError(String field, String message) {

    /** The same error under a parent path: {@code changes[2].} + {@code exerciseId}. */
    public FieldError under(String prefix) {
        return new FieldError(prefix + field, message);
    }

    /** {@code field: message; field: message}, the way details name their fields. */
    public static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }
}
