package dev.footwork.assessment;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.footwork.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layers of assessment-service (see its README), checked on the compiled classes. */
class ArchitectureTest {

    private static final String BASE = "dev.footwork.assessment";
    private static final JavaClasses CLASSES = ArchitectureRules.classesOf(BASE);

    @Test
    void adaptersStayApart() {
        ArchitectureRules.adaptersStayApart(BASE).check(CLASSES);
    }

    @Test
    void useCasesKnowNoAdapter() {
        ArchitectureRules.useCasesKnowNoAdapter(BASE).check(CLASSES);
    }

    @Test
    void persistenceDecidesNothing() {
        ArchitectureRules.persistenceDecidesNothing(BASE).check(CLASSES);
    }

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(BASE).check(CLASSES);
    }

    @Test
    void refusalsAreApplicationExceptions() {
        ArchitectureRules.refusalsAreApplicationExceptions(BASE).check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(BASE).check(CLASSES);
    }
}
