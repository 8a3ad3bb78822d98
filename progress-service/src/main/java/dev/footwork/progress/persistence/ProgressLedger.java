package dev.footwork.progress.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PlanContent;
import dev.footwork.progress.domain.SessionTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Applies plans and completions to the stored aggregates. */
@ApplicationScoped
public class ProgressLedger {

    private final ObjectMapper mapper;

    ProgressLedger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Keeps the newest revision of a plan; an older revision arriving late changes nothing. */
    @Transactional
    public void onPlan(
            UUID planId, String clinicId, String patientRef, int revision, PlanContent content) {
        PlanView plan = PlanView.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            plan = new PlanView();
            plan.planId = planId;
            plan.clinicId = clinicId;
            plan.patientRef = patientRef;
        } else if (plan.revision >= revision) {
            return;
        }
        plan.revision = revision;
        plan.status = content.status().name();
        plan.startsOn = content.startsOn();
        plan.weeks = content.weeks();
        plan.content = toJson(content);
        plan.updatedAt = Instant.now();
        plan.persist();
    }

    /** Adds one completion to its plan's totals, whether or not the plan has arrived yet. */
    @Transactional
    public void onCompletion(ExerciseCompleted completion) {
        PlanProgress progress =
                PlanProgress.findById(completion.planId(), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            progress = new PlanProgress();
            progress.planId = completion.planId();
            progress.clinicId = completion.clinicId();
            progress.patientRef = completion.patientRef();
        }
        SessionTotals totals =
                (progress.updatedAt == null ? SessionTotals.NONE : progress.totals())
                        .plus(
                                completion.sets(),
                                completion.reps(),
                                completion.holdSeconds(),
                                completion.pain(),
                                completion.completedAt());
        progress.apply(totals);
        progress.updatedAt = Instant.now();
        progress.persist();
    }

    private String toJson(PlanContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan content", e);
        }
    }
}
