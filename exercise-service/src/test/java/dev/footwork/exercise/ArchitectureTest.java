package dev.footwork.exercise;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.footwork.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layers of exercise-service, checked on its compiled classes (no Quarkus). */
class ArchitectureTest {

    private static final String BASE = "dev.footwork.exercise";
    private static final JavaClasses CLASSES = ArchitectureRules.classesOf(BASE);

    @Test
    void resourcesAndListenersImportNeitherEachOtherNorPersistence() {
        ArchitectureRules.adaptersStayApart(BASE).check(CLASSES);
    }

    @Test
    void useCasesKnowNoAdapter() {
        ArchitectureRules.useCasesKnowNoAdapter(BASE).check(CLASSES);
    }

    @Test
    void persistenceHoldsEntitiesAndQueriesOnly() {
        ArchitectureRules.persistenceDecidesNothing(BASE).check(CLASSES);
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(BASE).check(CLASSES);
    }

    @Test
    void refusalsAreApplicationExceptions() {
        ArchitectureRules.refusalsAreApplicationExceptions(BASE).check(CLASSES);
    }

    @Test
    void noPackageNeedsAnotherThatNeedsIt() {
        ArchitectureRules.noPackageCycles(BASE).check(CLASSES);
    }
}
