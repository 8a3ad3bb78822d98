package dev.footwork.progress.api;

import dev.footwork.progress.domain.Flag;
import dev.footwork.progress.domain.PainTrend;
import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.PlanProgress.WorklistRow;
import dev.footwork.support.security.Roles;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic's patients, those needing attention first. */
@Path("/api/v1/worklist")
@Tag(name = "Worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Transactional
    @Operation(
            summary =
                    "Patients with a current plan by risk: pain flags, low adherence, re-assessment"
                            + " due; then lowest 7-day adherence")
    public Worklist worklist(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        long total = PlanProgress.countCurrent();
        List<Worklist.Item> items =
                PlanProgress.worklist(page, size).stream().map(WorklistResource::item).toList();
        return new Worklist(page, size, total, (int) ((total + size - 1) / size), items);
    }

    private static Worklist.Item item(WorklistRow row) {
        PlanProgress p = row.progress();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!p.flags.isEmpty()) {
            Arrays.stream(p.flags.split(",")).map(Flag::valueOf).forEach(flags::add);
        }
        return new Worklist.Item(
                p.patientRef,
                p.planId,
                row.planStatus(),
                p.riskScore,
                flags,
                p.adherencePercent == null ? null : p.adherencePercent.doubleValue(),
                p.adherenceLast7DaysPercent == null
                        ? null
                        : p.adherenceLast7DaysPercent.doubleValue(),
                p.maxPain,
                PainTrend.valueOf(p.painTrend),
                p.nextReassessmentOn,
                p.lastActivityAt,
                p.currentWeek);
    }
}
