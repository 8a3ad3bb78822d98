package dev.footwork.assessment.application;

import dev.footwork.assessment.persistence.ErasureRequest;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records another service's confirmation that it erased a patient; the request completes once every
 * service has confirmed.
 */
@ApplicationScoped
public class ConfirmErasure {

    /** The services whose confirmations an erasure waits for. */
    public enum Service {
        EXERCISE,
        PROGRESS
    }

    /** One service's confirmation of one erasure request. */
    public record Command(UUID erasureId, Service service, Instant erasedAt) {}

    private final Clock clock;

    ConfirmErasure(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs in the consumer's transaction; a repeated confirmation changes nothing.
     *
     * @throws NotFound {@code unknown-erasure} when the clinic has no such request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(Command command) {
        ErasureRequest request = ErasureRequest.findById(command.erasureId());
        if (request == null) {
            throw new NotFound("unknown-erasure", "erasure request " + command.erasureId());
        }
        if (command.service() == Service.EXERCISE && request.exerciseErasedAt == null) {
            request.exerciseErasedAt = command.erasedAt();
        } else if (command.service() == Service.PROGRESS && request.progressErasedAt == null) {
            request.progressErasedAt = command.erasedAt();
        }
        boolean allConfirmed =
                request.assessmentErasedAt != null
                        && request.exerciseErasedAt != null
                        && request.progressErasedAt != null;
        if (allConfirmed && request.completedAt == null) {
            request.completedAt = clock.instant();
        }
    }
}
