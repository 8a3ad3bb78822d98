package dev.footwork.progress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.footwork.testkit.ServiceLayersTest;
import org.junit.jupiter.api.Test;

/** The layers of progress-service (module README), checked on the compiled classes. */
class ArchitectureTest extends ServiceLayersTest {

    private static final String BASE = "dev.footwork.progress";

    ArchitectureTest() {
        super(BASE);
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
                .check(classes());
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
                .check(classes());
    }
}
