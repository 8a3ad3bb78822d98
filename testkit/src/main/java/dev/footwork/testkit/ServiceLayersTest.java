package dev.footwork.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of {@link ArchitectureRules} as the tests of one service: its {@code
 * ArchitectureTest} extends this with its base package and adds the rules only it has.
 */
public abstract class ServiceLayersTest {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String base;

    /**
     * @param basePackage the service's root package, e.g. {@code dev.footwork.exercise}
     */
    protected ServiceLayersTest(String basePackage) {
        this.base = basePackage;
    }

    /** The service's production classes, read once per test run. */
    protected JavaClasses classes() {
        return IMPORTED.computeIfAbsent(base, ArchitectureRules::classesOf);
    }

    protected String base() {
        return base;
    }

    @Test
    void adaptersStayApart() {
        ArchitectureRules.adaptersStayApart(base).check(classes());
    }

    @Test
    void useCasesKnowNoAdapter() {
        ArchitectureRules.useCasesKnowNoAdapter(base).check(classes());
    }

    @Test
    void persistenceDecidesNothing() {
        ArchitectureRules.persistenceDecidesNothing(base).check(classes());
    }

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(base).check(classes());
    }

    @Test
    void refusalsAreApplicationExceptions() {
        ArchitectureRules.refusalsAreApplicationExceptions(base).check(classes());
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(base).check(classes());
    }
}
