package io.flightdeck.cli;

import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.compare.Comparer;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.output.ComparisonDocument;
import io.flightdeck.analysis.output.JsonExport;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.output.Renderers;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.ingest.ImportException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Before/after: are the two runs comparable, which metrics changed beyond noise, which "
                + "findings were resolved, are new or persist, does the candidate meet the budget; a verdict "
                + "(improved, regressed, mixed, no-significant-change, not-comparable) with a paragraph of why.",
                "Exit code 4 when the verdict is 'regressed' or the budget is violated."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The run before: a JFR recording, a GC log, or "
            + "a session (.flightdeck; its latest run). A session alone compares its baseline with its candidate.")
    Path baseline;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CANDIDATE", description = "The run after, in the same "
            + "forms.")
    Path candidate;

    @Option(names = "--baseline-also", paramLabel = "FILE", description = "More files of the baseline's JVM run "
            + "(its GC log, histograms), analysed with it on one timeline. Repeatable.")
    List<Path> baselineAlso = new ArrayList<>();

    @Option(names = "--candidate-also", paramLabel = "FILE", description = "More files of the candidate's run.")
    List<Path> candidateAlso = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "FILE", description = "A budget (JSON or YAML) the candidate must meet; "
            + "see docs/cli.md. A session's own budget is used when this is not given.")
    Path budgetFile;

    @Option(names = "--thread", paramLabel = "REGEX", description = "Only threads whose name contains a match of "
            + "REGEX, on both sides.")
    String thread;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), md, html or json.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the report to OUT (replaced atomically) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        OutputCheck.before(output, OutputCheck.inputs(baseline, candidate, baselineAlso, candidateAlso, budgetFile));
        PrintStream err = CliStreams.err(spec);
        Runs.Run base;
        Runs.Run cand;
        Budget budget = budgetFile == null ? null : readBudget(budgetFile);
        if (candidate == null) {
            if (!SessionFiles.isSession(baseline)) {
                throw new UsageException("CANDIDATE is missing (only a session can be compared on its own)");
            }
            Session s = SessionFiles.read(baseline);
            if (s.candidate() == null || s.candidate().files().isEmpty()) {
                throw new UsageException(baseline.getFileName() + " has no candidate run yet; give one as CANDIDATE");
            }
            base = Runs.Run.of(s.baseline(), baseline);
            cand = Runs.Run.of(s.candidate(), baseline);
            budget = budget != null ? budget : sessionBudget(s, baseline);
        } else {
            base = side(baseline, baselineAlso);
            cand = side(candidate, candidateAlso);
            if (budget == null && SessionFiles.isSession(candidate)) {
                budget = sessionBudget(SessionFiles.read(candidate), candidate);
            }
        }
        ComparisonReport report = compare(base, cand, budget, thread, err);
        String text = format == ReportFormat.JSON ? JsonExport.render(report)
                : Renderers.render(ComparisonDocument.of(report), format, Terminal.width(output == null));
        OutputTarget.write(text, output, CliStreams.out(spec));
        return report.failsGate() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** Analyses both sides at once (they are independent) and compares them. */
    static ComparisonReport compare(Runs.Run base, Runs.Run cand, Budget budget, String thread, PrintStream err)
            throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Comparer.Input> b = pool.submit(() -> Runs.analyse(base, thread, err));
            Future<Comparer.Input> c = pool.submit(() -> Runs.analyse(cand, thread, err));
            return new Comparer(Version.get()).compare(get(b), get(c), budget);
        }
    }

    private static Comparer.Input get(Future<Comparer.Input> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static Runs.Run side(Path file, List<Path> also) throws ImportException {
        if (SessionFiles.isSession(file)) {
            if (!also.isEmpty()) {
                throw new UsageException("--baseline-also/--candidate-also add files to a recording, not to a session");
            }
            Session s = SessionFiles.read(file);
            Session.RunSet latest = s.candidate() != null && !s.candidate().files().isEmpty() ? s.candidate()
                    : s.baseline();
            return Runs.Run.of(latest, file);
        }
        List<Path> files = new ArrayList<>();
        files.add(file);
        files.addAll(also);
        return new Runs.Run(files, null, null, null);
    }

    static Budget readBudget(Path file) throws ImportException {
        try {
            return Budget.read(file);
        } catch (Budget.BudgetException e) {
            throw new ImportException(file, e.getMessage().startsWith(file.toString())
                    ? e.getMessage().substring(file.toString().length() + 2) : e.getMessage());
        }
    }

    static Budget sessionBudget(Session s, Path sessionFile) throws ImportException {
        if (s.budget() == null || s.budget().isNull()) {
            return null;
        }
        try {
            return Budget.of(sessionFile.getFileName().toString(), s.budget());
        } catch (Budget.BudgetException e) {
            throw new ImportException(sessionFile, "its budget: " + e.getMessage());
        }
    }
}
