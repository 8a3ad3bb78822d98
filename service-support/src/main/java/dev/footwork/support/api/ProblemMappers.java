package dev.footwork.support.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.footwork.support.application.ApplicationException;
import dev.footwork.support.application.Conflict;
import dev.footwork.support.application.Forbidden;
import dev.footwork.support.application.Inapplicable;
import dev.footwork.support.application.NotFound;
import dev.footwork.support.application.PreconditionFailed;
import dev.footwork.support.application.Rejected;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error mapper: every failure leaves a Footwork API as {@code application/problem+json}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a 503 asks the caller to wait before trying again. */
    private static final int RETRY_AFTER_SECONDS = 2;

    /** The status of an answer whose client closed the connection before it could be sent. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    /** How far down a cause chain {@link #clientWentAway} looks. */
    private static final int MAX_CAUSES = 16;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.violations());
    }

    /** Every refusal of a use case or of the domain, mapped here and nowhere else. */
    @ServerExceptionMapper
    public Response refused(ApplicationException e, UriInfo uri) {
        Problem body = problem(e, uri == null ? null : uri.getPath());
        return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * The problem detail of a refusal, also for answers that carry several (a batch's items).
     *
     * @param instance the request path, or null
     */
    public static Problem problem(ApplicationException e, String instance) {
        int status;
        String title;
        if (e instanceof NotFound) {
            status = 404;
            title = "Not Found";
        } else if (e instanceof Conflict) {
            status = 409;
            title = "Conflict";
        } else if (e instanceof PreconditionFailed) {
            status = 412;
            title = "Precondition Failed";
        } else if (e instanceof Rejected) {
            status = 400;
            title = "Invalid request";
        } else if (e instanceof Inapplicable inapplicable) {
            status = 422;
            title = inapplicable.summary();
        } else if (e instanceof Forbidden) {
            status = 403;
            title = "Forbidden";
        } else {
            throw new IllegalStateException("unmapped refusal " + e.getClass());
        }
        return Problem.of(
                status,
                title,
                e.getMessage(),
                instance,
                e.errors().stream()
                        .map(f -> new Problem.Violation(f.field(), f.message()))
                        .toList());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = violationsOf(e.getConstraintViolations());
        String detail =
                violations.stream()
                        .map(v -> v.field() + ": " + v.message())
                        .collect(Collectors.joining("; "));
        return respond(400, "Invalid request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** Declared for its own type so that it wins over Quarkus' built-in mapper of this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unmappableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        if (isSyntaxError(e)) {
            return malformed(e, uri);
        }
        Problem.Violation violation = violationOf(e);
        return respond(
                400,
                "Invalid request",
                violation.field() + ": " + violation.message(),
                uri,
                List.of(violation));
    }

    /** The rejected fields of a failed Bean Validation, sorted by field path. */
    public static List<Problem.Violation> violationsOf(
            Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
    }

    /** The field a JSON binding error is about, and what is wrong with its value. */
    public static Problem.Violation violationOf(JsonMappingException e) {
        String field = pathOf(e);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid) {
            message =
                    "value '"
                            + invalid.getValue()
                            + "' is not a valid "
                            + invalid.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            message = "must be a " + mismatched.getTargetType().getSimpleName();
        } else {
            message = e.getOriginalMessage();
        }
        return new Problem.Violation(field, message);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps syntax errors in a plain 400
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException syntax) {
            return malformed(syntax, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(
                status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    /** No token, an expired or forged one, or one from another issuer or for another audience. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(
                        respond(
                                401,
                                "Unauthorized",
                                "a valid bearer token is required",
                                uri,
                                List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** A valid token whose role may not use this endpoint. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "this role may not use this endpoint", uri, List.of());
    }

    /**
     * A failure nobody foresaw: logged at ERROR with its stack and answered 500, unless the
     * database cannot be reached or is busy ({@link DatabaseUnavailable}: 503 with {@code
     * Retry-After} and a warning line). A client that closed its connection (gave up waiting, or
     * went away while sending its body) is no fault of the service and has nobody left to answer:
     * it is logged at DEBUG without a stack, and the answer that can no longer be delivered carries
     * 499, nginx's "client closed request", so metrics and access logs do not count it as a server
     * error.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            LOG.debugf("The client of %s closed the connection: %s", uri.getPath(), e);
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        Optional<String> database = DatabaseUnavailable.in(e);
        if (database.isPresent()) {
            LOG.warnf("Database unavailable answering %s: %s", uri.getPath(), database.get());
            return Response.fromResponse(
                            respond(
                                    503,
                                    "Service Unavailable",
                                    "the database is unreachable or busy; retry after "
                                            + RETRY_AFTER_SECONDS
                                            + " s",
                                    uri,
                                    List.of()))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("Unexpected failure answering " + uri.getPath(), e);
        return respond(
                500,
                "Internal Server Error",
                "the request could not be completed; it has been logged",
                uri,
                List.of());
    }

    /**
     * Whether the failure, or one of its causes, says that the client's connection is gone:
     * Vert.x's {@link HttpClosedException}, a {@link ClosedChannelException} from the request's
     * body stream, or the operating system's reset or broken pipe.
     */
    static boolean clientWentAway(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage();
                if (message.contains("Connection reset") || message.contains("Broken pipe")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Truncated or broken JSON reaches the mappers wrapped in binding exceptions too. */
    private static boolean isSyntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Unexpected end-of-input");
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        return respond(
                400,
                "Malformed JSON",
                "the request body is not valid JSON: " + e.getOriginalMessage(),
                uri,
                List.of());
    }

    private static Response respond(
            int status,
            String title,
            String detail,
            UriInfo uri,
            List<Problem.Violation> violations) {
        Problem body =
                Problem.of(status, title, detail, uri == null ? null : uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The field path of a violation without the method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0) {
            for (Path.Node node : violation.getPropertyPath()) {
                field.setLength(0);
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
