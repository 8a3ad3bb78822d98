package dev.footwork.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.footwork.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String BASE = "dev.footwork.support";
    private static final JavaClasses CLASSES = ArchitectureRules.classesOf(BASE);

    @Test
    void noPackageNeedsAnotherThatNeedsIt() {
        ArchitectureRules.noPackageCycles(BASE).check(CLASSES);
    }

    @Test
    void applicationExceptionsArePlainJavaSoTheDomainMayThrowThem() {
        classes()
                .that()
                .resideInAPackage(BASE + ".application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "", BASE + ".application..")
                .check(CLASSES);
    }

    @Test
    void problemExceptionStaysInsideTheHttpLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".api..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(BASE + ".api.ProblemException")
                .check(CLASSES);
    }

    @Test
    void securityKnowsNothingOfTheAuditTrail() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".audit..")
                .check(CLASSES);
    }
}
