package dev.footwork.progress.application;

import dev.footwork.progress.persistence.PlanProgress;
import dev.footwork.progress.persistence.PlanProgress.WorklistRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One page of the caller's clinic's patients with a current (active or paused) plan, those needing
 * attention first: by risk score, then lowest 7-day adherence, then patient. Figures are those of
 * the last evaluation pass or plan change.
 */
@ApplicationScoped
public class ReadWorklist {

    /**
     * @param page from 0
     * @param size from 1
     */
    public record Query(int page, int size) {}

    @Transactional
    public Worklist handle(Query query) {
        long total = PlanProgress.countCurrent();
        List<Worklist.Item> items =
                PlanProgress.worklist(query.page(), query.size()).stream()
                        .map(ReadWorklist::item)
                        .toList();
        return new Worklist(
                query.page(),
                query.size(),
                total,
                (int) ((total + query.size() - 1) / query.size()),
                items);
    }

    private static Worklist.Item item(WorklistRow row) {
        PlanProgress p = row.progress();
        return new Worklist.Item(
                p.patientRef,
                p.planId,
                row.planStatus(),
                p.riskScore,
                p.flagSet(),
                p.adherencePercent == null ? null : p.adherencePercent.doubleValue(),
                p.adherenceLast7DaysPercent == null
                        ? null
                        : p.adherenceLast7DaysPercent.doubleValue(),
                p.maxPain,
                p.trend(),
                p.nextReassessmentOn,
                p.lastActivityAt,
                p.currentWeek);
    }
}
