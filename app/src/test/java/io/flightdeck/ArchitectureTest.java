package io.flightdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** In the app, the command line never touches JavaFX, and only the chart package may use AWT and JFreeChart. */
@AnalyzeClasses(packages = {"io.flightdeck.app", "io.flightdeck.cli"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule cliStartsNoToolkit = noClasses().that().resideInAPackage("io.flightdeck.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.flightdeck.app.shell..")
            .because("a sub-command runs with no window and no JavaFX toolkit (CLI-CONTRACT.md)");

    @ArchTest
    static final ArchRule awtOnlyInCharts = noClasses().that().resideOutsideOfPackage("io.flightdeck.app.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "org.jfree..", "javax.swing..")
            .because("only the chart package renders with AWT/JFreeChart (CONVENTIONS.md)");

    @ArchTest
    static final ArchRule noJfrEvents = noClasses().should().dependOnClassesThat().resideInAnyPackage("jdk.jfr.consumer..")
            .because("the app reads the Profile; JFR decoding belongs to jfr-import");

    @ArchTest
    static final ArchRule viewsReadViewModels = noClasses().that().resideInAPackage("io.flightdeck.app..")
            .and().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Table")
            .should().dependOnClassesThat().resideInAnyPackage("io.flightdeck.model..")
            .because("views paint what their view model computed; the raw Profile is the view models' (MVVM, issue 12)");

    @ArchTest
    static final ArchRule cliUsesTheHeadlessWing = noClasses().that().resideInAPackage("io.flightdeck.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.flightdeck.app..")
            .because("reports, exports, sessions and the version live in analysis; the CLI needs nothing of the GUI");
}
