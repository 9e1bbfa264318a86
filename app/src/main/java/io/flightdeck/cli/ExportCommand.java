package io.flightdeck.cli;


import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.output.Reports;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.analysis.session.SessionFiles;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "The ticket-ready report of a saved session: its stage and notes, and the comparison of its "
                + "baseline and candidate (verdict, metrics, findings, budget) — or the baseline's analysis when "
                + "there is no candidate yet.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SESSION", description = "A session file (.flightdeck).")
    Path session;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default, as for analyze and compare), md, html or json.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the report to OUT (replaced atomically) instead of standard output.")
    Path output;


    @Override
    public Integer call() throws Exception {
        OutputCheck.before(output, OutputCheck.inputs(session));
        if (!SessionFiles.isSession(session)) {
            throw new io.flightdeck.ingest.ImportException(session, "not a Flightdeck session (.flightdeck); "
                    + "to report on a recording use 'flightdeck analyze'");
        }
        Session s = SessionFiles.read(session);
        Budget budget = CompareCommand.sessionBudget(s, session);
        String text;
        int width = Terminal.width(output == null);
        if (s.candidate() != null && !s.candidate().files().isEmpty()) {
            ComparisonReport r = CompareCommand.compare(Runs.Run.of(s.baseline(), session),
                    Runs.Run.of(s.candidate(), session), budget, null, CliStreams.err(spec));
            text = Reports.comparison(r, s, session, format, width);
        } else {
            AnalysisReport r = Runs.analyse(Runs.Run.of(s.baseline(), session), null, CliStreams.err(spec)).report();
            text = Reports.analysis(r, s, session, format, width);
        }
        OutputTarget.write(text, output, CliStreams.out(spec));
        return ExitCodes.OK;
    }
}
