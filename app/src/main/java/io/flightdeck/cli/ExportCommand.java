package io.flightdeck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.output.AnalysisDocument;
import io.flightdeck.analysis.output.ComparisonDocument;
import io.flightdeck.analysis.output.JsonExport;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.ReportDocument;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.output.Renderers;
import io.flightdeck.analysis.output.SessionSections;
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

    /** The JSON export: the session and either the comparison or the baseline's analysis. */
    @JsonPropertyOrder({"session", "comparison", "analysis"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionExport(Session session, ComparisonReport comparison, AnalysisReport analysis) {
    }

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
        if (s.candidate() != null && !s.candidate().files().isEmpty()) {
            ComparisonReport r = CompareCommand.compare(Runs.Run.of(s.baseline(), session),
                    Runs.Run.of(s.candidate(), session), budget, null, CliStreams.err(spec));
            text = format == ReportFormat.JSON ? JsonExport.render(new SessionExport(s, r, null))
                    : Renderers.render(ComparisonDocument.of(r, SessionSections.title(s), SessionSections.facts(s,
                            session), SessionSections.leading(s)), format, Terminal.width(output == null));
        } else {
            AnalysisReport r = Runs.analyse(Runs.Run.of(s.baseline(), session), null, CliStreams.err(spec)).report();
            if (format == ReportFormat.JSON) {
                text = JsonExport.render(new SessionExport(s, null, r));
            } else {
                ReportDocument doc = AnalysisDocument.of(r);
                text = Renderers.render(SessionSections.prepend(doc, s, session), format, Terminal.width(output == null));
            }
        }
        OutputTarget.write(text, output, CliStreams.out(spec));
        return ExitCodes.OK;
    }
}
