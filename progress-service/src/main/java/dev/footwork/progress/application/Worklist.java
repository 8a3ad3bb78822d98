package dev.footwork.progress.application;

import dev.footwork.progress.domain.Flag;
import dev.footwork.progress.domain.PainTrend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One page of a clinic's patients, those needing attention first. */
public record Worklist(int page, int size, long totalItems, int totalPages, List<Item> items) {

    /** A patient's current plan as of its last evaluation. */
    public record Item(
            String patientRef,
            UUID planId,
            String planStatus,
            int riskScore,
            Set<Flag> flags,
            Double adherencePercent,
            Double adherenceLast7DaysPercent,
            int maxPain,
            PainTrend painTrend,
            LocalDate nextReassessmentOn,
            Instant lastActivityAt,
            Integer currentWeek) {}
}
