package dev.footwork.support.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies above the API limit with a problem detail, before the body is read. {@code
 * quarkus.http.limits.max-body-size} stays above this limit as the hard cap for requests that do
 * not declare their length ({@link HardBodyCap}).
 */
public class BodySizeLimit {

    /** The largest body an API request may carry. */
    @ConfigMapping(prefix = "footwork.api")
    public interface ApiConfig {
        @WithDefault("64K")
        MemorySize maxBodySize();
    }

    /** The title of every 413 answer (RFC 9110's name of the status). */
    static final String TITLE = "Content Too Large";

    private static final Set<String> WITH_BODY =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long limit;

    BodySizeLimit(ApiConfig config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseOversizedBodies(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "Content-Length is not a number");
        }
        if (length > limit) {
            throw new ProblemException(
                    413,
                    TITLE,
                    "the request body has "
                            + length
                            + " bytes; at most "
                            + limit
                            + " are accepted");
        }
    }
}
