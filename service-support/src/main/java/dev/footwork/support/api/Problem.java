package dev.footwork.support.api;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param violations one entry per rejected field, when the request body or parameters were wrong
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: its path in the request and what is wrong with it. */
    public record Violation(String field, String message) {}
}
