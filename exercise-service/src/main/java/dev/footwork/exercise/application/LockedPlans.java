package dev.footwork.exercise.application;

import dev.footwork.exercise.persistence.Plan;
import dev.footwork.support.erasure.PatientLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityNotFoundException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * A plan to change on a request, read under its patient's lock: the request then waits for an
 * erasure or event of the same patient that is under way, and sees what it left. Taking the lock
 * before any write of the patient also keeps the lock order of every transaction the same (patient
 * first, rows after), so a request and an erasure never deadlock.
 */
@ApplicationScoped
class LockedPlans {

    private final PatientLock patientLock;

    LockedPlans(PatientLock patientLock) {
        this.patientLock = patientLock;
    }

    /**
     * The clinic's plan as it is once its patient's lock is held; empty when there is none (or no
     * more). A plan the request has read already (to check the caller's access) is not read again
     * before the lock, only after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Plan> byId(String clinicId, UUID planId) {
        Optional<Plan> seen =
                Optional.ofNullable(Plan.getEntityManager().find(Plan.class, planId))
                        .filter(p -> p.clinicId.equals(clinicId));
        if (seen.isEmpty()) {
            return seen;
        }
        Plan plan = seen.get();
        patientLock.lock(plan.clinicId, plan.patientRef);
        try {
            Plan.getEntityManager().refresh(plan);
        } catch (EntityNotFoundException erasedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(plan);
    }
}
