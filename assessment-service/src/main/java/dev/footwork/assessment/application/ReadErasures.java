package dev.footwork.assessment.application;

import dev.footwork.assessment.persistence.ErasureRequest;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads where an erasure request of the caller's clinic stands. */
@ApplicationScoped
public class ReadErasures {

    /**
     * @throws NotFound when the clinic has no such request
     */
    @Transactional
    public ErasureStatus status(UUID erasureId) {
        ErasureRequest request = ErasureRequest.findById(erasureId);
        if (request == null) {
            throw new NotFound("erasure " + erasureId);
        }
        return ErasureStatus.of(request);
    }
}
