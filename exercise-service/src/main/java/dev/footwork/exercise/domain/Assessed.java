package dev.footwork.exercise.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Which assessment a plan comes from, and what places it among the patient's assessments: the order
 * in which classifications arrive does not (a redelivery or a re-read topic brings an old one after
 * a newer), the order of the examinations does.
 *
 * @param at when the feet were assessed ({@code FootClassified.assessedAt})
 * @param previousId the assessment this one superseded in assessment-service, or null
 */
public record Assessed(UUID id, Instant at, UUID previousId) {

    public Assessed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether this assessment is newer than {@code other}: assessed later; at the same instant, the
     * one that names the other as its previous assessment (assessment-service recorded it after the
     * other, e.g. a correction); failing that, the greater id, so that every replica and every
     * replay decides the same.
     */
    public boolean isNewerThan(Assessed other) {
        int byTime = at.compareTo(other.at);
        if (byTime != 0) {
            return byTime > 0;
        }
        if (other.id.equals(previousId)) {
            return true;
        }
        if (id.equals(other.previousId)) {
            return false;
        }
        return id.compareTo(other.id) > 0;
    }
}
