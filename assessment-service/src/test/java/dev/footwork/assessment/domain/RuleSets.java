package dev.footwork.assessment.domain;

import dev.footwork.contracts.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The rule set the service ships with, and variants of it for tests. */
final class RuleSets {

    static final String RESOURCE = "rules/foot-posture-rules.json";

    static final RuleSet SHIPPED = load(RESOURCE);

    private RuleSets() {}

    static RuleSet load(String resource) {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return EventJson.newMapper().readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleSet withFpi(RuleSet.FpiBands fpi) {
        RuleSet s = SHIPPED;
        return new RuleSet(
                s.version(),
                fpi,
                s.navicularDrop(),
                s.calcanealStance(),
                s.runningEversion(),
                s.confidence(),
                s.sources());
    }

    static RuleSet withNavicularDrop(RuleSet.Limits limits) {
        RuleSet s = SHIPPED;
        return new RuleSet(
                s.version(),
                s.fpi(),
                limits,
                s.calcanealStance(),
                s.runningEversion(),
                s.confidence(),
                s.sources());
    }

    static RuleSet withCalcanealStance(RuleSet.Limits limits) {
        RuleSet s = SHIPPED;
        return new RuleSet(
                s.version(),
                s.fpi(),
                s.navicularDrop(),
                limits,
                s.runningEversion(),
                s.confidence(),
                s.sources());
    }

    static RuleSet withRunningEversion(RuleSet.Limits limits) {
        RuleSet s = SHIPPED;
        return new RuleSet(
                s.version(),
                s.fpi(),
                s.navicularDrop(),
                s.calcanealStance(),
                limits,
                s.confidence(),
                s.sources());
    }

    static RuleSet withConfidence(RuleSet.Confidence confidence) {
        RuleSet s = SHIPPED;
        return new RuleSet(
                s.version(),
                s.fpi(),
                s.navicularDrop(),
                s.calcanealStance(),
                s.runningEversion(),
                confidence,
                s.sources());
    }
}
