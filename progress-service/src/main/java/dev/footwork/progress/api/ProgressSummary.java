package dev.footwork.progress.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's progress on their current plan.
 *
 * @param volume sum over sessions of sets x reps x hold seconds
 * @param meanPain mean pain (0-10) over sessions, absent before the first session
 */
public record ProgressSummary(
        String clinicId,
        String patientRef,
        UUID planId,
        String planStatus,
        int completedSessions,
        long totalReps,
        long volume,
        Double meanPain,
        int maxPain,
        Instant lastActivityAt) {}
