package dev.footwork.progress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.footwork.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layers of progress-service (module README), checked on the compiled classes. */
class ArchitectureTest {

    private static final String BASE = "dev.footwork.progress";
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

    /**
     * The PostgreSQL change listener is an adapter too: it hands notices to the application's
     * followers and reaches into no other adapter, nor persistence.
     */
    @Test
    void theChangeListenerIsAnAdapter() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".live..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".api..", BASE + ".messaging..", BASE + ".persistence..")
                .because("live translates database notices into calls of the application layer")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        BASE + ".api..",
                        BASE + ".messaging..",
                        BASE + ".application..",
                        BASE + ".persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".live..")
                .because("nothing calls an adapter; the listener calls the application")
                .check(CLASSES);
    }
}
