package io.chokepoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of CONTRIBUTING.md as rules over the main classes: an import against it fails {@code mvn verify}.
 * The layers run one way, cli → batch → distribution → report → summary → tracking, with delivery, stakeholders,
 * settings, schedule and devtools beside them; the tracker's model knows no persistence and no CSV.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.chokepoint");
    }

    @Test
    void layers_pointOneWay() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.chokepoint.cli..")
                .layer("batch").definedBy("io.chokepoint.batch..")
                .layer("distribution").definedBy("io.chokepoint.distribution..")
                .layer("report").definedBy("io.chokepoint.report..")
                .layer("summary").definedBy("io.chokepoint.summary..")
                .layer("delivery").definedBy("io.chokepoint.delivery..")
                .layer("stakeholders").definedBy("io.chokepoint.stakeholders..")
                .layer("schedule").definedBy("io.chokepoint.schedule..")
                .layer("settings").definedBy("io.chokepoint.settings..")
                .layer("devtools").definedBy("io.chokepoint.devtools..")
                .layer("tracking model").definedBy("io.chokepoint.tracking")
                .layer("tracking csv").definedBy("io.chokepoint.tracking.csv..")
                .layer("tracking store").definedBy("io.chokepoint.tracking.store..")

                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("schedule").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("devtools").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("distribution").mayOnlyBeAccessedByLayers("batch", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("distribution", "batch", "cli")
                .whereLayer("summary").mayOnlyBeAccessedByLayers("report", "batch", "cli")
                .whereLayer("stakeholders").mayOnlyBeAccessedByLayers("distribution", "batch", "cli")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("stakeholders", "distribution", "batch", "cli")
                .whereLayer("settings").mayOnlyBeAccessedByLayers("summary", "report", "delivery", "distribution",
                        "schedule", "batch", "cli")
                .whereLayer("tracking store").mayOnlyBeAccessedByLayers("stakeholders", "devtools", "batch", "cli")
                .whereLayer("tracking csv").mayOnlyBeAccessedByLayers("tracking store", "report", "devtools", "cli")
                .whereLayer("tracking model").mayOnlyBeAccessedByLayers("tracking csv", "tracking store", "summary",
                        "report", "stakeholders", "distribution", "schedule", "devtools", "batch", "cli");
        layers.check(classes);
    }

    @Test
    void trackingModel_knowsNoPersistenceAndNoCsv() {
        noClasses().that().resideInAPackage("io.chokepoint.tracking")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..",
                        "org.flywaydb..", "org.sqlite..", "org.postgresql..", "org.apache.commons.csv..")
                .because("the model (facts, values, state rules, field checks) is read by summary and report,"
                        + " which must not reach the database or a file format through it")
                .check(classes);
    }

    @Test
    void summaryAndReport_neverReachTheStore() {
        noClasses().that().resideInAnyPackage("io.chokepoint.summary..", "io.chokepoint.report..")
                .should().dependOnClassesThat().resideInAPackage("io.chokepoint.tracking.store..")
                .because("aggregation and report formats work on the model's values; the batch job reads the store")
                .check(classes);
    }

    @Test
    void onlyBatch_usesJakartaBatch() {
        noClasses().that().resideOutsideOfPackage("io.chokepoint.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.batch..", "org.jberet..")
                .check(classes);
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("io.chokepoint.(**)").should().beFreeOfCycles().check(classes);
    }
}
