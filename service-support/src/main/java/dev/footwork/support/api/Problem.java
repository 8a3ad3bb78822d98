package dev.footwork.support.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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

    private static final String TYPE_BASE = "https://footwork.dev/problems/";

    /**
     * A problem whose type is derived from its title, e.g. {@code .../problems/invalid-request}.
     *
     * @param instance the request path, or null
     */
    public static Problem of(
            int status, String title, String detail, String instance, List<Violation> violations) {
        String slug =
                title.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-|-$)", "");
        return new Problem(
                URI.create(TYPE_BASE + slug),
                title,
                status,
                detail,
                instance,
                violations == null || violations.isEmpty() ? null : List.copyOf(violations));
    }

    /** One rejected field: its path in the request and what is wrong with it. */
    public record Violation(String field, String message) {}
}
