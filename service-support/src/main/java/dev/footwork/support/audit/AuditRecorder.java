package dev.footwork.support.audit;

import dev.footwork.contracts.PatientKey;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the audit trail: after every {@code /api/} request of a verified caller, one entry per
 * patient the request touched (the patients noted in {@link AuditContext} through {@link
 * PatientAccess}, and a {@code patientRef} path parameter), or one without a patient for
 * clinic-wide reads. Refused requests of a verified caller (403, 404, 4xx) are recorded too.
 * Streaming endpoints, which response filters never see, call {@link #streamOpened}. A request that
 * changes data writes its entries in its own transaction ({@link ChangeTransaction}); the others'
 * entries are written together with those of concurrent requests ({@link AuditWriter}), before the
 * answer leaves a worker thread. A failed write is logged at ERROR, since an access must not go
 * unaudited unnoticed.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    private final AuditContext context;
    private final Instance<JsonWebToken> currentToken;
    private final CurrentVertxRequest currentRequest;
    private final AuditWriter writer;
    private final Clock clock;

    AuditRecorder(
            AuditContext context,
            Instance<JsonWebToken> currentToken,
            CurrentVertxRequest currentRequest,
            AuditWriter writer,
            Clock clock) {
        this.context = context;
        this.writer = writer;
        this.currentToken = currentToken;
        this.currentRequest = currentRequest;
        this.clock = clock;
    }

    /**
     * Records a streaming request (server-sent events), which response filters never see: called by
     * the endpoint once its checks have passed and the stream is about to start.
     *
     * @param operation the endpoint's path template
     */
    public void streamOpened(String operation) {
        HttpServerRequest http = currentRequest.getCurrent().request();
        record(
                currentToken.get(),
                http.method().name(),
                http.path(),
                operation,
                200,
                http.getHeader("X-Forwarded-For"),
                http);
    }

    @ServerResponseFilter
    public void record(
            ContainerRequestContext request,
            ContainerResponseContext response,
            ResourceInfo resource,
            HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!path.startsWith("/api/") || !(principal instanceof JsonWebToken token)) {
            return;
        }
        String pathPatient = request.getUriInfo().getPathParameters().getFirst("patientRef");
        if (pathPatient != null && PatientKey.isToken(pathPatient)) {
            context.note(pathPatient);
        }
        record(
                token,
                request.getMethod(),
                path,
                operation(resource),
                response.getStatus(),
                request.getHeaderString("X-Forwarded-For"),
                http);
    }

    /**
     * Writes the current request's entries in the caller's transaction, with the status the request
     * answers if that transaction commits ({@link ChangeTransaction}); the response filter then
     * writes nothing more, unless the request ends with another status after all.
     */
    void recordChange(Method resourceMethod, int status) {
        HttpServerRequest http = currentRequest.getCurrent().request();
        List<AuditEntry> entries =
                entries(
                        currentToken.get(),
                        http.method().name(),
                        http.path(),
                        operation(resourceMethod.getDeclaringClass(), resourceMethod),
                        status,
                        http.getHeader("X-Forwarded-For"),
                        http);
        entries.forEach(e -> e.persist());
        context.recorded(entries.stream().map(e -> e.patientRef).toList(), status);
    }

    private void record(
            JsonWebToken token,
            String method,
            String path,
            String operation,
            int status,
            String forwardedFor,
            HttpServerRequest http) {
        List<AuditEntry> entries =
                entries(token, method, path, operation, status, forwardedFor, http);
        entries.removeIf(e -> context.isRecorded(e.patientRef, e.status));
        if (entries.isEmpty()) {
            return;
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(entries);
        } else if (!writer.submit(entries, () -> failed(entries, null))) {
            // an event-loop thread must not wait for room or for the database
            Infrastructure.getDefaultWorkerPool().execute(() -> write(entries));
        }
    }

    /** One entry per patient noted (or one without a patient); none before the clinic is known. */
    private List<AuditEntry> entries(
            JsonWebToken token,
            String method,
            String path,
            String operation,
            int status,
            String forwardedFor,
            HttpServerRequest http) {
        List<AuditEntry> entries = new ArrayList<>();
        Object clinic = token.getClaim("clinic_id");
        if (!(clinic instanceof String clinicId) || !PatientKey.isToken(clinicId)) {
            return entries; // refused before the tenant was known: nothing of a clinic was reached
        }
        List<String> patients = new ArrayList<>(context.patients());
        if (patients.isEmpty()) {
            patients.add(null);
        }
        Instant now = clock.instant();
        for (String patient : patients) {
            AuditEntry entry = new AuditEntry();
            entry.id = UUID.randomUUID();
            entry.clinicId = clinicId;
            entry.patientRef = patient;
            entry.occurredAt = now;
            entry.actor =
                    token.getSubject() != null
                            ? token.getSubject()
                            : String.valueOf(token.getName());
            entry.roles = String.join(",", token.getGroups());
            entry.client = client(token);
            entry.remoteAddress = remoteAddress(forwardedFor, http);
            entry.action =
                    Set.of("GET", "HEAD").contains(method)
                            ? AuditEntry.Action.READ
                            : AuditEntry.Action.CHANGE;
            entry.method = method;
            entry.path = truncate(path, 500);
            entry.operation = operation;
            entry.status = status;
            entries.add(entry);
        }
        return entries;
    }

    private void write(List<AuditEntry> entries) {
        try {
            writer.write(entries);
        } catch (RuntimeException e) {
            failed(entries, e);
        }
    }

    private static void failed(List<AuditEntry> entries, RuntimeException e) {
        AuditEntry first = entries.get(0);
        LOG.errorf(
                e,
                "AUDIT WRITE FAILED for %d access(es) of clinic %s to %s %s",
                entries.size(),
                first.clinicId,
                first.method,
                first.path);
    }

    private static String client(JsonWebToken token) {
        Object azp = token.getClaim("azp");
        Object clientId = azp != null ? azp : token.getClaim("client_id");
        return clientId == null ? null : truncate(String.valueOf(clientId), 200);
    }

    private static String remoteAddress(String forwarded, HttpServerRequest http) {
        if (forwarded != null && !forwarded.isBlank()) {
            return truncate(forwarded.split(",")[0].trim(), 100);
        }
        return http != null && http.remoteAddress() != null ? http.remoteAddress().host() : null;
    }

    private static String operation(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        return operation(resource.getResourceClass(), resource.getResourceMethod());
    }

    private static String operation(Class<?> resourceClass, Method resourceMethod) {
        Path type = resourceClass.getAnnotation(Path.class);
        Path method = resourceMethod == null ? null : resourceMethod.getAnnotation(Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : method.value());
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
