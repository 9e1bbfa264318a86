package io.flightdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** jfr-import is the bottom layer: JDK only, no UI toolkit, and it knows nothing of analysis or app. */
@AnalyzeClasses(packages = "io.flightdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noUiToolkits = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.jfree..", "org.controlsfx..")
            .because("import must run headless, in the CLI and in tests (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule noUpwardDependencies = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.flightdeck.analysis..", "io.flightdeck.app..", "io.flightdeck.cli..")
            .because("dependencies point one way: app -> analysis -> jfr-import");
}
