package dev.footwork.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses bodies above the hard cap, {@code quarkus.http.limits.max-body-size}, with a problem
 * detail. Quarkus enforces that cap on the Vert.x router, before RESTEasy and its mappers, and
 * answers a bare 413; this route runs just before Quarkus's check and answers instead:
 *
 * <ul>
 *   <li>a declared {@code Content-Length} above the cap is refused at once, before the body is read
 *       ({@link BodySizeLimit} refuses declared lengths between the API limit and the cap);
 *   <li>a chunked HTTP/1.1 body (no declared length) of a POST, PUT or PATCH is read here by
 *       Vert.x's body handler, which stops at the cap; RESTEasy then takes the body that was read,
 *       as it does for any blocking endpoint (all Footwork endpoints with a body are blocking).
 * </ul>
 *
 * <p>The services speak HTTP/1.1 only ({@code quarkus.http.http2=false}): over HTTP/2 RESTEasy
 * cannot start on a request whose body was read before it (it pauses the request, which HTTP/2
 * refuses once the request has ended), so Quarkus's bare 413 would answer a body of undeclared
 * length, and the {@code Connection: close} of a refusal is not allowed.
 *
 * <p>After a refusal the connection closes once the answer is out, as after Quarkus's own, so the
 * rest of an oversized body is never read.
 */
@ApplicationScoped
public class HardBodyCap {

    private static final Logger LOG = Logger.getLogger(HardBodyCap.class);

    private static final int CONTENT_TOO_LARGE = 413;

    /** The refusals of the body handler and the router besides 413: bad request, bad Expect. */
    private static final Set<Integer> READING_REFUSALS = Set.of(400, 417);

    private static final Set<HttpMethod> WITH_BODY =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long cap;
    private final long apiLimit;
    private final ObjectMapper mapper;
    private final BodyHandler reader;

    HardBodyCap(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                    MemorySize cap,
            BodySizeLimit.ApiConfig api,
            ObjectMapper mapper) {
        this.cap = cap.asLongValue();
        this.apiLimit = api.maxBodySize().asLongValue();
        this.mapper = mapper;
        this.reader = BodyHandler.create(false).setBodyLimit(this.cap);
    }

    void install(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::admit)
                .failureHandler(this::refusedWhileReading);
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            // a malformed length is BodySizeLimit's to refuse (400)
            if (lengthOf(declared) > cap) {
                refuse(
                        context,
                        "the request body has "
                                + declared.trim()
                                + " bytes; at most "
                                + apiLimit
                                + " are accepted");
            } else {
                context.next();
            }
            return;
        }
        if (WITH_BODY.contains(request.method())
                && request.version() != HttpVersion.HTTP_2
                && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            reader.handle(context);
        } else {
            context.next();
        }
    }

    /**
     * The body handler fails the request with 413 once a chunked body outgrows the cap; its other
     * refusals (417 for an unknown {@code Expect}, 400 for a malformed form, as the router's for a
     * malformed path) answer a problem detail too. A client that closed its connection has nobody
     * left to answer and is no server fault: DEBUG, as in {@link ProblemMappers}. Any other failure
     * is not this route's to answer.
     */
    private void refusedWhileReading(RoutingContext context) {
        if (ProblemMappers.clientWentAway(context.failure())) {
            // e.g. after a refusal, when the connection closes under a body still arriving
            LOG.debugf(
                    "The client of %s closed the connection: %s",
                    context.request().path(), context.failure());
            return;
        }
        int status = context.statusCode();
        if (status == CONTENT_TOO_LARGE) {
            refuse(
                    context,
                    "the request body is longer than "
                            + cap
                            + " bytes, the most a body of undeclared length may carry; at most "
                            + apiLimit
                            + " are accepted with a Content-Length");
        } else if (READING_REFUSALS.contains(status)) {
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            refuse(context, status, reason, "the request body could not be read: " + reason);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, String detail) {
        refuse(context, CONTENT_TOO_LARGE, BodySizeLimit.TITLE, detail);
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        Problem problem = Problem.of(status, title, detail, context.request().path(), List.of());
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .endHandler(ended -> context.request().connection().close())
                .end(Buffer.buffer(json(problem)));
    }

    private byte[] json(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem detail", e);
        }
    }

    private static long lengthOf(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
