package dev.footwork.support.audit;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.api.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
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
 * Streaming endpoints, which response filters never see, call {@link #streamOpened}, and the {@code
 * Runnable} it returns when the stream ends. A request that changes data writes its entries in its
 * own transaction ({@link ChangeTransaction}); the others' entries are written together with those
 * of concurrent requests ({@link AuditWriter}), before the answer leaves a worker thread.
 *
 * <p>Every value is fitted to its column ({@link AuditValues}), so no token or request makes its
 * entry fail. The address is the peer's, or the client's as a trusted proxy forwarded it ({@link
 * TrustedProxies}). A failed write is logged at ERROR and counted ({@code
 * footwork.audit.write.failed}), since an access must not go unaudited unnoticed; with {@code
 * footwork.audit.fail-closed} a read whose entry cannot be written is answered 503 instead.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    private final AuditContext context;
    private final Instance<JsonWebToken> currentToken;
    private final CurrentVertxRequest currentRequest;
    private final AuditWriter writer;
    private final Clock clock;
    private final boolean failClosed;
    private final Counter refused;
    private final Counter answered;

    AuditRecorder(
            AuditContext context,
            Instance<JsonWebToken> currentToken,
            CurrentVertxRequest currentRequest,
            AuditWriter writer,
            Clock clock,
            AuditConfig config,
            MeterRegistry meters) {
        this.context = context;
        this.writer = writer;
        this.currentToken = currentToken;
        this.currentRequest = currentRequest;
        this.clock = clock;
        this.failClosed = config.failClosed();
        this.refused = failures(meters, "refused");
        this.answered = failures(meters, "answered");
    }

    /**
     * Records that a streaming request (server-sent events), which response filters never see,
     * starts following a patient: called by the endpoint once its checks have passed and its first
     * value is read, on the request's thread.
     *
     * @param operation the endpoint's path template
     * @return records, when run, that the stream ended (from any thread, without waiting)
     * @throws ServiceUnavailableException with {@code footwork.audit.fail-closed}, when the opening
     *     cannot be recorded: the stream must not start
     */
    public Runnable streamOpened(String operation) {
        HttpServerRequest http = currentRequest.getCurrent().request();
        List<AuditEntry> opened =
                entries(
                        currentToken.get(),
                        AuditEntry.Action.FOLLOW,
                        http.method().name(),
                        http.path(),
                        operation,
                        200,
                        http);
        if (opened.isEmpty()) {
            return () -> {};
        }
        if (!record(opened, failClosed) && failClosed) {
            throw new ServiceUnavailableException(unrecorded());
        }
        return () -> handOver(ended(opened));
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
        List<AuditEntry> entries =
                entries(
                        token,
                        null,
                        request.getMethod(),
                        path,
                        operation(resource),
                        response.getStatus(),
                        http);
        entries.removeIf(e -> context.isRecorded(e.patientRef, e.status));
        if (entries.isEmpty()) {
            return;
        }
        // a refusal that is a 503 already stays as it is
        boolean refusing =
                failClosed
                        && entries.get(0).action == AuditEntry.Action.READ
                        && response.getStatus() != 503;
        if (!record(entries, refusing) && refusing) {
            refuse(response, path);
        }
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
                        null,
                        http.method().name(),
                        http.path(),
                        operation(resourceMethod.getDeclaringClass(), resourceMethod),
                        status,
                        http);
        entries.forEach(e -> e.persist());
        context.recorded(entries.stream().map(e -> e.patientRef).toList(), status);
    }

    /**
     * Writes the entries, waiting for their commit where the thread may wait; false when they were
     * not written (a thread that must not wait hands them over and answers true).
     *
     * @param refusing whether the caller refuses the request when they are not written
     */
    private boolean record(List<AuditEntry> entries, boolean refusing) {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            handOver(entries);
            return true;
        }
        try {
            writer.write(entries);
            return true;
        } catch (RuntimeException e) {
            failed(entries, e, refusing);
            return false;
        }
    }

    /** Hands the entries to the writer without waiting (an event-loop thread, a stream's end). */
    private void handOver(List<AuditEntry> entries) {
        if (!writer.submit(entries, () -> failed(entries, null, false))) {
            // the queue is full: write them from a thread that may wait for room
            Infrastructure.getDefaultWorkerPool()
                    .execute(
                            () -> {
                                try {
                                    writer.write(entries);
                                } catch (RuntimeException e) {
                                    failed(entries, e, false);
                                }
                            });
        }
    }

    /** The answer of a read that could not be recorded, when the trail fails closed. */
    private static void refuse(ContainerResponseContext response, String path) {
        // nothing of the read may leave: its headers (ETag, Location...) neither
        response.getHeaders().clear();
        response.setStatus(503);
        response.setEntity(
                Problem.of(503, "Service Unavailable", unrecorded(), path, null),
                new Annotation[0],
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static String unrecorded() {
        return "the access could not be recorded in the audit trail, so it is not served; try"
                + " again later";
    }

    /** One entry per patient noted (or one without a patient); none before the clinic is known. */
    private List<AuditEntry> entries(
            JsonWebToken token,
            AuditEntry.Action action,
            String method,
            String path,
            String operation,
            int status,
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
        String actor =
                AuditValues.fit(
                        token.getSubject() != null
                                ? token.getSubject()
                                : String.valueOf(token.getName()),
                        AuditEntry.ACTOR_LENGTH);
        String roles = AuditValues.names(token.getGroups(), AuditEntry.ROLES_LENGTH);
        String client = AuditValues.fit(client(token), AuditEntry.CLIENT_LENGTH);
        String address = AuditValues.fit(remoteAddress(http), AuditEntry.ADDRESS_LENGTH);
        for (String patient : patients) {
            AuditEntry entry = new AuditEntry();
            entry.id = UUID.randomUUID();
            entry.clinicId = clinicId;
            entry.patientRef = AuditValues.fit(patient, AuditEntry.PATIENT_LENGTH);
            entry.occurredAt = now;
            entry.actor = actor;
            entry.roles = roles;
            entry.client = client;
            entry.remoteAddress = address;
            entry.action =
                    action != null
                            ? action
                            : Set.of("GET", "HEAD").contains(method)
                                    ? AuditEntry.Action.READ
                                    : AuditEntry.Action.CHANGE;
            entry.method = AuditValues.fit(method, AuditEntry.METHOD_LENGTH);
            entry.path = AuditValues.fit(path, AuditEntry.PATH_LENGTH);
            entry.operation = AuditValues.fit(operation, AuditEntry.OPERATION_LENGTH);
            entry.status = status;
            entries.add(entry);
        }
        return entries;
    }

    /** The entries that close a stream's opening entries, now. */
    private List<AuditEntry> ended(List<AuditEntry> opened) {
        Instant now = clock.instant();
        return opened.stream()
                .map(
                        o -> {
                            AuditEntry end = new AuditEntry();
                            end.id = UUID.randomUUID();
                            end.clinicId = o.clinicId;
                            end.patientRef = o.patientRef;
                            end.occurredAt = now;
                            end.actor = o.actor;
                            end.roles = o.roles;
                            end.client = o.client;
                            end.remoteAddress = o.remoteAddress;
                            end.action = AuditEntry.Action.FOLLOW_END;
                            end.method = o.method;
                            end.path = o.path;
                            end.operation = o.operation;
                            end.status = o.status;
                            return end;
                        })
                .toList();
    }

    private void failed(List<AuditEntry> entries, RuntimeException e, boolean refusing) {
        (refusing ? refused : answered).increment();
        AuditEntry first = entries.get(0);
        LOG.errorf(
                e,
                "AUDIT WRITE FAILED for %d access(es) of clinic %s to %s %s (%s)",
                entries.size(),
                first.clinicId,
                first.method,
                first.path,
                refusing ? "answered 503" : "answered without its entry");
    }

    private static Counter failures(MeterRegistry meters, String request) {
        return Counter.builder("footwork.audit.write.failed")
                .description(
                        "Requests whose audit entries could not be written: refused (503, fail"
                                + " closed) or answered without them")
                .tag("request", request)
                .register(meters);
    }

    private static String client(JsonWebToken token) {
        Object azp = token.getClaim("azp");
        Object clientId = azp != null ? azp : token.getClaim("client_id");
        return clientId == null ? null : String.valueOf(clientId);
    }

    /**
     * The peer's address; Quarkus replaces it with the forwarded client address only when proxy
     * forwarding is on and the peer is a trusted proxy ({@code quarkus.http.proxy.*}).
     */
    private static String remoteAddress(HttpServerRequest http) {
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
}
