package dev.footwork.support.audit;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.api.PageBounds;
import dev.footwork.support.application.InstantRange;
import dev.footwork.support.application.Rejected;
import dev.footwork.support.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service, for the admins of the caller's clinic. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String YEARS = "years 1900 to 9999";

    /** One page of entries, newest first. */
    public record AuditPage(
            int page, int size, long totalItems, int totalPages, List<Entry> items) {}

    /** An entry as the admin reads it. */
    public record Entry(
            UUID id,
            String patientRef,
            Instant occurredAt,
            String actor,
            String roles,
            String client,
            String remoteAddress,
            AuditEntry.Action action,
            String method,
            String path,
            String operation,
            int status) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(
            summary =
                    "Who read or changed which patient's data in this service, when and from which"
                            + " client; newest first")
    @APIResponse(
            responseCode = "400",
            description =
                    "A malformed patientRef, a from or to that is not an instant of the years 1900"
                            + " to 9999, or a page or size out of bounds"
                            + " (application/problem+json)")
    public AuditPage entries(
            @QueryParam("patientRef") String patientRef,
            @Parameter(description = "Entries at or after this instant (ISO-8601, " + YEARS + ")")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Entries before this instant (ISO-8601, " + YEARS + ")")
                    @QueryParam("to")
                    String to,
            @Parameter(description = PageBounds.PAGE_DESCRIPTION)
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageBounds.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageBounds.MAX_SIZE) int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (patientRef != null) {
            if (!PatientKey.isToken(patientRef)) {
                throw Rejected.field("patientRef", "must be an opaque token");
            }
            where.add("patientRef = :patient");
            parameters.and("patient", patientRef);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", instant("from", from));
        }
        if (to != null) {
            where.add("occurredAt < :to");
            parameters.and("to", instant("to", to));
        }
        // the clinic is the @TenantId: Hibernate adds it to the query
        var query =
                AuditEntry.<AuditEntry>find(
                                where.isEmpty() ? "" : String.join(" and ", where),
                                Sort.by("occurredAt", Sort.Direction.Descending).and("id"),
                                parameters)
                        .page(Page.of(page, size));
        long total = query.count();
        List<Entry> items =
                query.list().stream()
                        .map(
                                e ->
                                        new Entry(
                                                e.id,
                                                e.patientRef,
                                                e.occurredAt,
                                                e.actor,
                                                e.roles,
                                                e.client,
                                                e.remoteAddress,
                                                e.action,
                                                e.method,
                                                e.path,
                                                e.operation,
                                                e.status))
                        .toList();
        return new AuditPage(page, size, total, (int) ((total + size - 1) / size), items);
    }

    /** The instant a query parameter names, within the range every Footwork API accepts. */
    private static Instant instant(String field, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejected.field(field, "must be an ISO-8601 instant, e.g. 2026-11-24T00:00:00Z");
        }
        return InstantRange.require(field, instant);
    }
}
