package dev.footwork.progress.config;

import dev.footwork.progress.domain.ProgressAnalysis;
import dev.footwork.progress.domain.ProgressRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The progress analysis the service runs with, its thresholds from {@link ProgressConfig}. */
public class ProgressAnalysisProducer {

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
}
