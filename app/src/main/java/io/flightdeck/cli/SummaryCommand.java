package io.flightdeck.cli;

import io.flightdeck.analysis.report.SummaryReport;
import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.output.JsonExport;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.AnalysisDocument;
import io.flightdeck.analysis.output.Renderers;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.model.Profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "What each file is and holds: kind, format version, JVM, start, duration, chunks and the "
                + "number of events of every type (as `jfr summary` counts them).")
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "JFR recordings, GC logs and class histograms (also gzip-compressed), each summarised on its own.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var err = CliStreams.err(spec);
        List<Profile> profiles = Inputs.load(files, ImportOptions.defaults().withScope(ImportOptions.Scope.FACTS), err);
        List<SummaryReport.FileSummary> summaries = new ArrayList<>();
        for (Profile p : profiles) {
            summaries.add(SummaryReport.of(p));
        }
        SummaryReport report = new SummaryReport(Version.get(), summaries);
        OutputTarget.write(json ? JsonExport.render(report)
                : Renderers.render(AnalysisDocument.of(report), ReportFormat.TEXT, Terminal.width(true)), null, CliStreams.out(spec));
        return ExitCodes.OK;
    }
}
