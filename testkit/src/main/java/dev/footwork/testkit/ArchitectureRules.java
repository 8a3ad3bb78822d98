package dev.footwork.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The layers of a Footwork service as rules its architecture test checks on the compiled classes
 * ({@code api} and {@code messaging} adapters over {@code application} use cases over {@code
 * domain} and {@code persistence}). Each rule names what it guards, so a failure says which layer
 * reached where.
 */
public final class ArchitectureRules {

    /** The vocabulary the domain shares with the event contracts: value types, no wire concern. */
    public static final String VOCABULARY = "dev.footwork.contracts.vocabulary..";

    /** The application exceptions: plain Java, thrown by use cases and by the domain. */
    public static final String REFUSALS = "dev.footwork.support.application..";

    private ArchitectureRules() {}

    /** The production classes under {@code basePackage}, without tests. */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** The REST resources and the Kafka listeners never import each other, nor persistence. */
    public static ArchRule adaptersStayApart(String base) {
        return CompositeArchRule.of(
                        noClasses()
                                .that()
                                .resideInAPackage(base + ".api..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(base + ".messaging..", base + ".persistence.."))
                .and(
                        noClasses()
                                .that()
                                .resideInAPackage(base + ".messaging..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(base + ".api..", base + ".persistence.."))
                .because("adapters translate and call use cases; they share nothing but those");
    }

    /** Use cases know no adapter: commands come in, results go out. */
    public static ArchRule useCasesKnowNoAdapter(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".api..", base + ".messaging..")
                .because("REST and Kafka both build the same commands");
    }

    /** Persistence holds entities, repositories and queries: no adapter, no use case, no event. */
    public static ArchRule persistenceDecidesNothing(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        base + ".api..",
                        base + ".messaging..",
                        base + ".application..",
                        "dev.footwork.support.outbox..",
                        "dev.footwork.support.inbox..",
                        "io.quarkus.scheduler..")
                .because("decisions, events and schedules belong to the application layer");
    }

    /**
     * The domain is plain Java on its own types: the JDK, the shared vocabulary and the application
     * exceptions, never a framework, an entity or a wire type (events, envelopes, topics).
     */
    public static ArchRule domainIsPlainJava(String base) {
        return classes()
                .that()
                .resideInAPackage(base + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "", base + ".domain..", VOCABULARY, REFUSALS)
                .because("rules and maths must be testable and readable without the stack");
    }

    /** Refusals are application exceptions, mapped once to HTTP and once to dead letters. */
    public static ArchRule refusalsAreApplicationExceptions(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.footwork.support.api.ProblemException")
                .because("support/api maps application exceptions to problem+json");
    }

    /** No two packages under {@code base} need each other. */
    public static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
