package dev.footwork.exercise.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.exercise.domain.Exercise;
import dev.footwork.exercise.domain.ExerciseCatalogue;
import dev.footwork.exercise.domain.LoadProgression;
import dev.footwork.exercise.domain.PlanGenerator;
import dev.footwork.exercise.domain.PlanRevisions;
import dev.footwork.exercise.domain.PlanRules;
import dev.footwork.support.config.RuleFiles;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The domain's objects: the plan rules (from the classpath or a mounted file), the generator,
 * revisions and load progression built on them, and the exercise catalogue.
 */
@ApplicationScoped
public class PlanBeans {

    /** Where the plan rules come from. */
    @ConfigMapping(prefix = "footwork.plan-rules")
    public interface PlanRulesConfig {
        /** {@code classpath:} resource or file path of the rules JSON. */
        @WithDefault("classpath:rules/plan-rules.json")
        String location();
    }

    /** Loaded at start, so that a broken rule file stops the service before it takes traffic. */
    @Produces
    @Singleton
    @Startup
    PlanRules rules(PlanRulesConfig config, ObjectMapper mapper) {
        return RuleFiles.read(config.location(), PlanRules.class, mapper);
    }

    @Produces
    @Singleton
    PlanGenerator generator(PlanRules rules) {
        return new PlanGenerator(rules);
    }

    @Produces
    @Singleton
    PlanRevisions revisions(PlanGenerator generator) {
        return new PlanRevisions(generator);
    }

    @Produces
    @Singleton
    LoadProgression load(PlanRevisions revisions) {
        return revisions.load();
    }

    /** The exercise catalogue file: its version and the exercises. */
    record CatalogueFile(String version, List<Exercise> exercises) {}

    /**
     * Loaded at start, so that an incomplete catalogue stops the service before it takes traffic.
     */
    @Produces
    @ApplicationScoped
    @Startup
    ExerciseCatalogue catalogue(ObjectMapper mapper) {
        CatalogueFile file =
                RuleFiles.read("classpath:catalogue/exercises.json", CatalogueFile.class, mapper);
        return new ExerciseCatalogue(file.version(), file.exercises());
    }
}
