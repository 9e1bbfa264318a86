package io.flightdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** analysis is pure computation: no UI toolkit, and nothing of the app layer above it. */
@AnalyzeClasses(packages = "io.flightdeck.analysis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noUiToolkits = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.jfree..", "org.controlsfx..")
            .because("the CLI and the GUI share this code; it must run headless (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule noUpwardDependencies = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.flightdeck.app..", "io.flightdeck.cli..")
            .because("dependencies point one way: app -> analysis -> jfr-import");

    @ArchTest
    static final ArchRule noJfrEventsInAnalysis = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jdk.jfr.consumer..")
            .because("analysis reads the compact Profile; no RecordedEvent survives the import");

    @ArchTest
    static final ArchRule reportKnowsNoRules = noClasses().that().resideInAPackage("io.flightdeck.analysis.report..")
            .should().dependOnClassesThat().resideInAPackage("io.flightdeck.analysis.rule..")
            .because("the rules read the report's numbers; the report holds findings (analysis.finding), not rules "
                    + "(Diagnosis runs both)");
}
