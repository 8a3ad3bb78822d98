package dev.footwork.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Thresholds and timing of progress evaluation, and the live streams' bound ({@code
 * footwork.progress.*}).
 */
@ConfigMapping(prefix = "footwork.progress")
public interface ProgressConfig {

    /**
     * How often each replica evaluates the plans that are due and emits the progress events due
     * ({@code 60s}; {@code off} disables the pass, as the tests do to run it at chosen instants).
     */
    @WithDefault("60s")
    String evaluationInterval();

    /** How many due plans a pass claims at a time. */
    @WithDefault("100")
    int evaluationBatchSize();

    /**
     * How long plans claimed by a pass stay claimed: a replica that stops before evaluating them
     * leaves them due again after this.
     */
    @WithDefault("PT5M")
    Duration evaluationLease();

    /** The clinic's time zone: plan weeks, days and the 7-day window are counted in it. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Pain above this (0-10) in a session breaks the pain rule. */
    @WithDefault("5")
    int painLimit();

    /** Weekly mean pain higher than the week before by at least this counts as rising. */
    @WithDefault("1.0")
    double painRiseLimit();

    /** Adherence over a phase needed to call it completed. */
    @WithDefault("80")
    double phaseAdherencePercent();

    /** Adherence over the last 7 days below this is a drop. */
    @WithDefault("50")
    double adherenceDropPercent();

    /** Weeks at the start of a plan in which no drop is reported. */
    @WithDefault("1")
    int adherenceGraceWeeks();

    /** A week counts towards the streak at this adherence or above. */
    @WithDefault("80")
    double streakAdherencePercent();

    /** How long after its date a re-assessment stays due. */
    @WithDefault("P14D")
    Duration reassessmentWindow();

    /**
     * Live progress streams one clinic may have open on one replica at once; the next is refused
     * with 429 until one ends.
     */
    @WithDefault("100")
    int maxStreamsPerClinic();
}
