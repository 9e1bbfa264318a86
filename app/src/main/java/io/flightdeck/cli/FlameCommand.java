package io.flightdeck.cli;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.flame.FlameTree;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.FlameExport;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "flame", mixinStandardHelpOptions = true,
        description = {"A flame graph of a recording: collapsed stacks (default), a standalone SVG or a "
                + "self-contained HTML page.",
                "With --diff, the difference from a baseline recording."})
final class FlameCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A JFR recording (gzip-compressed too), or the "
            + "files of one JVM run as for analyze; the stacks come from the recording.")
    List<Path> files;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "cpu",
            description = "cpu (default: execution samples), alloc (bytes allocated) or lock (time blocked on "
                    + "monitors and parked).")
    FlameKind kind;

    static final class OutputFormat {
        @Option(names = "--collapsed", description = "Collapsed stacks, one \"frame;frame;frame count\" a line, "
                + "outermost frame first (the default).")
        boolean collapsed;

        @Option(names = "--svg", description = "A standalone SVG flame graph.")
        boolean svg;

        @Option(names = "--html", description = "A self-contained HTML page: click to zoom, search, hover for "
                + "numbers.")
        boolean html;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    OutputFormat outputFormat;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to OUT (replaced atomically) instead of standard output.")
    Path output;

    @Mixin
    SelectionOptions range;

    @Option(names = "--threads", description = "One tower per thread: each thread's name, in brackets, as the "
            + "outermost frame.")
    boolean splitThreads;

    @Option(names = "--diff", paramLabel = "BASELINE", description = "Compare with a baseline recording: "
            + "--collapsed prints \"stack baseline candidate\" lines, --svg and --html a differential flame graph "
            + "(red: a larger share in FILE, blue: smaller). The same --kind, --from/--to (counted from each "
            + "recording's own start when relative) and --thread apply to both.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        OutputCheck.before(output, OutputCheck.inputs(files, baseline));
        ThreadFilter threads = range.threads();
        long recordings = countRecordings(files);
        if (recordings == 0) {
            // say so before reading a large log for nothing (unreadable files are reported by the loader)
            requireRecordingAmong(files);
        }
        if (baseline != null && countRecordings(List.of(baseline)) == 0) {
            requireRecordingAmong(List.of(baseline));
        }
        if (recordings > 1) {
            throw new UsageException("flame reads one recording (with its GC log and histograms if you give them); "
                    + "to see what changed between two recordings use 'flightdeck flame CANDIDATE --diff BASELINE'");
        }
        var err = CliStreams.err(spec);
        Profile profile = Inputs.loadTogether(files, ImportOptions.defaults(), err);
        requireRecording(profile, files.getFirst());
        FlameTree tree = FlameTree.of(selection(profile, threads), kind, splitThreads);
        warnIfEmpty(tree, files.getFirst(), err);
        String name = files.getFirst().getFileName().toString();
        String text;
        if (baseline == null) {
            String title = title() + " — " + name;
            text = outputFormat == null || outputFormat.collapsed ? tree.toCollapsed()
                    : outputFormat.svg ? FlameExport.svg(tree, title) : FlameExport.html(tree, title);
        } else {
            Profile base = Inputs.loadTogether(List.of(baseline), ImportOptions.defaults(), err);
            requireRecording(base, baseline);
            FlameTree baseTree = FlameTree.of(selection(base, threads), kind, splitThreads);
            warnIfEmpty(baseTree, baseline, err);
            DiffTree diff = DiffTree.of(baseTree, tree);
            String title = title() + " — " + baseline.getFileName() + " → " + name;
            text = outputFormat == null || outputFormat.collapsed ? diff.toDiffFolded()
                    : outputFormat.svg ? FlameExport.svg(diff, title) : FlameExport.html(diff, title);
        }
        OutputTarget.write(text, output, CliStreams.out(spec));
        return ExitCodes.OK;
    }

    private String title() {
        return switch (kind) {
            case CPU -> "CPU";
            case ALLOC -> "Allocation";
            case LOCK -> "Lock";
        } + " flame graph";
    }

    private Selection selection(Profile profile, ThreadFilter threads) {
        return range.selection(profile, threads, CliStreams.err(spec));
    }

    private static long countRecordings(List<Path> files) {
        long recordings = 0;
        for (Path f : files) {
            try {
                if (FormatDetector.detect(f).kind() == SourceKind.JFR) {
                    recordings++;
                }
            } catch (ImportException e) {
                break; // reported with the right exit code by the loader
            }
        }
        return recordings;
    }

    private static void requireRecordingAmong(List<Path> files) throws ImportException {
        SourceKind first = null;
        for (Path f : files) {
            try {
                SourceKind k = FormatDetector.detect(f).kind();
                first = first == null ? k : first;
            } catch (ImportException e) {
                return; // the loader reports it
            }
        }
        throw noStacks(files.getFirst(), first);
    }

    private static ImportException noStacks(Path file, SourceKind kind) {
        return new ImportException(file, (kind == SourceKind.GC_LOG ? "a GC log" : kind == SourceKind.CLASS_HISTOGRAM
                ? "a class histogram" : "not a recording") + " holds no stack traces; flame needs a JFR recording");
    }

    private static void requireRecording(Profile profile, Path named) throws ImportException {
        for (var source : profile.sources()) {
            if (source.kind() == SourceKind.JFR) {
                return;
            }
        }
        throw noStacks(named, profile.sources().isEmpty() ? null : profile.sources().getFirst().kind());
    }

    private void warnIfEmpty(FlameTree tree, Path file, java.io.PrintStream err) {
        if (tree.total(FlameTree.ROOT) == 0) {
            err.println("flightdeck: warning: " + file.getFileName() + ": no " + switch (kind) {
                case CPU -> "execution samples (jdk.ExecutionSample)";
                case ALLOC -> "allocation samples (jdk.ObjectAllocationSample or the TLAB events)";
                case LOCK -> "monitor or park events (jdk.JavaMonitorEnter, jdk.ThreadPark)";
            } + " in the selection; the flame graph is empty");
        }
    }
}
