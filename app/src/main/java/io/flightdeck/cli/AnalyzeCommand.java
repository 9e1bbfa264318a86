package io.flightdeck.cli;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.output.JsonExport;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.output.AnalysisDocument;
import io.flightdeck.analysis.output.ComparisonDocument;
import io.flightdeck.analysis.output.ReportDocument;
import io.flightdeck.analysis.output.Renderers;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "The full analysis: recording facts, CPU hot methods, allocation, locks, I/O, exceptions, "
                + "threads, GC statistics and findings.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A JFR recording, a GC log or a class histogram; "
            + "or several files of one JVM run (a recording, its GC log or rotated log files, its histograms), "
            + "analysed together on one timeline. Gzip-compressed files are read too.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), md, html or json.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the report to OUT (replaced atomically) instead of standard output.")
    Path output;

    @Mixin
    SelectionOptions range;

    @Option(names = "--budget", paramLabel = "FILE", description = "Check the run against a budget (JSON or YAML, "
            + "see docs/cli.md); exit code 4 when a limit is violated.")
    Path budgetFile;

    @Override
    public Integer call() throws Exception {
        OutputCheck.before(output, OutputCheck.inputs(files, budgetFile));
        ThreadFilter threads = range.threads();
        long recordings = 0;
        for (Path f : files) {
            try {
                if (FormatDetector.detect(f).kind() == SourceKind.JFR) {
                    recordings++;
                }
            } catch (ImportException e) {
                break; // reported with the right exit code by the loader below
            }
        }
        if (recordings > 1) {
            throw new UsageException("analyze reads one recording, with its GC log and histograms if you have them; "
                    + "to compare two recordings use 'flightdeck compare BASELINE CANDIDATE'");
        }
        Profile profile = Inputs.loadTogether(files, ImportOptions.defaults(), CliStreams.err(spec));
        Selection selection = range.selection(profile, threads, CliStreams.err(spec));
        io.flightdeck.analysis.Analysis analysis = io.flightdeck.analysis.Analysis.of(selection);
        AnalysisReport report = new io.flightdeck.analysis.Diagnosis(Version.get()).analyse(analysis,
                RuleEngine.standard(), () -> false);
        // the budget reads the same analysis: no second classifier, hot-method or GC pass
        ComparisonReport.BudgetResult budget = budgetFile == null ? null
                : CompareCommand.readBudget(budgetFile).check(analysis, report);
        String text;
        if (format == ReportFormat.JSON) {
            text = budget == null ? JsonExport.render(report) : JsonExport.renderWith(report, "budget", budget);
        } else {
            ReportDocument doc = AnalysisDocument.of(report);
            if (budget != null) {
                doc = ComparisonDocument.withBudget(doc, budget);
            }
            if (output == null && format == ReportFormat.TEXT) {
                doc = doc.withoutWarnings(); // printed once, on stderr, as the inputs were read
            }
            text = Renderers.render(doc, format, Terminal.width(output == null));
        }
        OutputTarget.write(text, output, CliStreams.out(spec));
        return budget != null && !budget.passed() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }
}
