package dev.footwork.exercise.application;

import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.exercise.persistence.PlanRevision;
import java.time.Instant;

/**
 * One revision of a plan: why it was made and the whole plan as it stood from then on.
 *
 * @param reason ISSUED for the first revision, else the PlanRevised reason
 */
public record RevisionView(
        int revision, String reason, String status, Instant revisedAt, PlanContent plan) {

    static RevisionView of(PlanRevision r) {
        return new RevisionView(r.revision, r.reason, r.status, r.revisedAt, r.content);
    }
}
