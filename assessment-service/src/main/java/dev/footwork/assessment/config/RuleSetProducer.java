package dev.footwork.assessment.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.domain.FootPostureClassifier;
import dev.footwork.assessment.domain.RuleSet;
import dev.footwork.support.config.RuleFiles;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Loads the active classification rule set, from the classpath or a file an operator mounts. */
@ApplicationScoped
public class RuleSetProducer {

    /** Where the rule set comes from. */
    @ConfigMapping(prefix = "footwork.rules")
    public interface RulesConfig {
        /** {@code classpath:} resource or file path of the rule set JSON. */
        @WithDefault("classpath:rules/foot-posture-rules.json")
        String location();
    }

    /** Loaded at start, so that a broken rule file stops the service before it takes traffic. */
    @Produces
    @ApplicationScoped
    @Startup
    FootPostureClassifier classifier(RulesConfig config, ObjectMapper mapper) {
        return new FootPostureClassifier(RuleFiles.read(config.location(), RuleSet.class, mapper));
    }
}
