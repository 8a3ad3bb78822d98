package dev.footwork.assessment.application;

import dev.footwork.assessment.persistence.ErasureRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an erasure stands: each service's deletion, and the whole request once all are done.
 *
 * @param status {@code IN_PROGRESS} until every service has confirmed, then {@code COMPLETED}
 */
public record ErasureStatus(
        UUID erasureId,
        String patientRef,
        Instant requestedAt,
        String requestedBy,
        String status,
        Instant completedAt,
        List<ServiceErasure> services) {

    /** One service's part: when it deleted the patient's data, null while pending. */
    public record ServiceErasure(String service, Instant erasedAt) {}

    static ErasureStatus of(ErasureRequest request) {
        return new ErasureStatus(
                request.id,
                request.patientRef,
                request.requestedAt,
                request.requestedBy,
                request.completedAt == null ? "IN_PROGRESS" : "COMPLETED",
                request.completedAt,
                List.of(
                        new ServiceErasure("assessment-service", request.assessmentErasedAt),
                        new ServiceErasure("exercise-service", request.exerciseErasedAt),
                        new ServiceErasure("progress-service", request.progressErasedAt)));
    }
}
