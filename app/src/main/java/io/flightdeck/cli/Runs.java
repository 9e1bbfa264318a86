package io.flightdeck.cli;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.compare.Comparer;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads one side of a comparison (files of one JVM run, or a session's run) and analyses it with diagnosis. */
final class Runs {
    private Runs() {
    }

    /** The files of one run, with the time range and thread filter to apply. */
    record Run(List<Path> files, String from, String to, String thread) {
        static Run of(Session.RunSet set, Path sessionFile) {
            return new Run(set.paths(sessionFile), set.from(), set.to(), set.thread());
        }
    }

    static Comparer.Input analyse(Run run, String threadOverride, PrintStream err) throws ImportException {
        long recordings = 0;
        for (Path f : run.files()) {
            try {
                if (FormatDetector.detect(f).kind() == SourceKind.JFR) {
                    recordings++;
                }
            } catch (ImportException e) {
                break; // the loader reports it with the right exit code
            }
        }
        if (recordings > 1) {
            throw new UsageException("one side of a comparison is one JVM run: at most one recording with its GC "
                    + "log and histograms (" + run.files() + ")");
        }
        Profile profile = Inputs.loadTogether(run.files(), ImportOptions.defaults(), err);
        ThreadFilter threads = SelectionOptions.threads(threadOverride != null ? threadOverride : run.thread());
        Selection selection = new Selection(profile, TimeArgument.range(run.from(), run.to(), profile.info().start(),
                profile.info().end(), err), threads);
        io.flightdeck.analysis.Analysis analysis = io.flightdeck.analysis.Analysis.of(selection);
        AnalysisReport report = new io.flightdeck.analysis.Diagnosis(Version.get()).analyse(analysis, RuleEngine.standard(),
                () -> false);
        List<String> names = new ArrayList<>();
        run.files().forEach(p -> names.add(p.toString()));
        return new Comparer.Input(analysis, report, List.copyOf(names));
    }
}
