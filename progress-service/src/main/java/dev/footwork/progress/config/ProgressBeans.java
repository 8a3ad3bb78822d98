package dev.footwork.progress.config;

import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The domain objects progress-service runs with, built from configuration. */
public class ProgressBeans {

    @Produces
    @Singleton
    ProgressAnalysis analysis(ProgressConfig config) {
        return new ProgressAnalysis(
                new ProgressRules(
                        config.zone(),
                        config.painLimit(),
                        config.painRiseLimit(),
                        config.phaseAdherencePercent(),
                        config.adherenceDropPercent(),
                        config.adherenceGraceWeeks(),
                        config.streakAdherencePercent(),
                        config.reassessmentWindow()));
    }

    /** The time evaluations run at; only the scheduled pass reads it, so tests pass their own. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
