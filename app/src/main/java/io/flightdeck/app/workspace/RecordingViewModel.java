package io.flightdeck.app.workspace;

import io.flightdeck.analysis.Analysis;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.TimeRange;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.gc.PauseDistribution;
import io.flightdeck.analysis.gc.PhaseSummary;
import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.analysis.threads.ThreadActivity;
import io.flightdeck.app.task.TaskHandle;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.AnalyzeEvent;
import io.flightdeck.model.Profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One open recording: the profile, the time range and thread filter the user chose, and the analysis of that
 * selection, recomputed in the background whenever the choice changes. Every view of the recording reads the
 * same {@link Snapshot}, so all numbers agree.
 */
public final class RecordingViewModel {
    /** The analysis of one selection, computed off the FX thread. */
    public record Snapshot(Selection selection, AnalysisReport report, List<HotMethod> hotMethods,
            List<ThreadActivity> threads, PauseDistribution pauseDistribution, List<PhaseSummary> phases,
            Analysis analysis) {
    }

    private final Profile profile;
    private final TaskRunner tasks;
    private final String version;
    private final FrameClassifier classifier;
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.ALL);
    private final StringProperty threadFilter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartData.Series> charts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private TaskHandle pending;

    public RecordingViewModel(Profile profile, TaskRunner tasks, String version) {
        this.profile = profile;
        this.tasks = tasks;
        this.version = version;
        this.classifier = new FrameClassifier(profile);
        range.addListener((obs, old, now) -> recompute());
        threadFilter.addListener((obs, old, now) -> recompute());
        recompute();
        tasks.run("Preparing the charts of " + label(), (progress, cancel) -> ChartData.of(profile), charts::set,
                error -> { });
    }

    /** The time series of the whole recording for the charts (null until computed in the background). */
    public ReadOnlyObjectProperty<ChartData.Series> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public Profile profile() {
        return profile;
    }

    public FrameClassifier classifier() {
        return classifier;
    }

    /** The inputs hold a JFR recording (CPU, threads, sampled allocation); a GC log or histogram alone does not. */
    public boolean hasRecording() {
        return profile.sources().stream().anyMatch(s -> s.kind() == io.flightdeck.model.SourceKind.JFR);
    }

    /** The inputs hold GC pauses or GC events (a GC log, or a recording's GC events). */
    public boolean hasGcData() {
        return !profile.gcPauses().isEmpty() || !profile.gcEvents().isEmpty();
    }

    /** When the inputs start (the time axis' origin). */
    public java.time.Instant start() {
        return profile.info().start();
    }

    /** The inputs' warnings, one line each, prefixed with the file's name when several files were read. */
    public java.util.List<String> warnings() {
        return profile.sources().stream().flatMap(src -> src.warnings().stream()
                .map(w -> (profile.sources().size() > 1 ? src.path().getFileName() + ": " : "") + w)).toList();
    }

    /** The facts the Overview lists first, as label and value: JVM, collector, heap, CPUs, span, sources, arguments. */
    public java.util.List<String[]> facts() {
        io.flightdeck.model.RecordingInfo info = profile.info();
        boolean jfr = profile.source().kind() == io.flightdeck.model.SourceKind.JFR;
        return java.util.List.of(
                new String[]{"JVM", info.jvmName().orElse("") + " " + info.javaVersion().orElse(Format.MISSING)},
                new String[]{"Garbage collector", info.gc().orElse(Format.MISSING)},
                new String[]{"Max heap", info.maxHeapBytes().isPresent() ? Format.bytes(info.maxHeapBytes().getAsLong())
                        : Format.MISSING},
                new String[]{"CPUs", info.cpuCount().isPresent() ? Integer.toString(info.cpuCount().getAsInt())
                        : Format.MISSING},
                new String[]{jfr ? "Recorded" : "Covers", Format.instant(info.start()) + " for "
                        + Format.seconds(info.duration().toNanos() / 1e9)
                        + (jfr ? " (" + info.chunks() + (info.chunks() == 1 ? " chunk)" : " chunks)") : "")},
                new String[]{profile.sources().size() == 1 ? "Source" : "Sources", String.join("\n",
                        profile.sources().stream().map(src -> src.path() + " (" + src.kind().label() + ", "
                                + src.format() + ", " + Format.bytes(src.sizeBytes()) + (src.skippedLines() > 0
                                ? ", " + src.skippedLines() + " lines not understood" : "") + ")").toList())},
                new String[]{"JVM arguments", info.jvmArguments().orElse(Format.MISSING)},
                new String[]{"Java arguments", info.javaArguments().orElse(Format.MISSING)});
    }

    /** A method's qualified name ("pkg.Class.method"), for the call tree and flame graph labels. */
    public String methodName(int method) {
        return profile.methods().qualifiedName(method);
    }

    /** How many files were read together (a recording, its GC log, its histograms). */
    public int sourceCount() {
        return profile.sources().size();
    }

    /** The class-histogram snapshots of the inputs, in time order. */
    public java.util.List<io.flightdeck.model.ClassHistogram> histograms() {
        return profile.histograms();
    }

    /** The file name, for tab titles ("bad.jfr + 2" when a GC log and a histogram were read with it). */
    public String label() {
        String name = profile.source().path().getFileName().toString();
        int more = profile.sources().size() - 1;
        return more == 0 ? name : name + " + " + more;
    }

    /** Runs the background work of this recording's views. */
    public TaskRunner tasks() {
        return tasks;
    }

    /** The files this analysis was read from, the primary first. */
    public java.util.List<java.nio.file.Path> files() {
        return profile.sources().stream().map(io.flightdeck.model.SourceInfo::path).toList();
    }

    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public StringProperty threadFilterProperty() {
        return threadFilter;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** Why the thread filter is not applied ("" when it is). */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public double durationSeconds() {
        return profile.info().duration().toNanos() / 1e9;
    }

    /** Selects [from, to) in seconds from the recording's start. */
    public void selectSeconds(double fromSeconds, double toSeconds) {
        Instant start = profile.info().start();
        range.set(new TimeRange(start.plusNanos((long) (fromSeconds * 1e9)), start.plusNanos((long) (toSeconds * 1e9))));
    }

    public void resetRange() {
        range.set(TimeRange.ALL);
    }

    /** The selected range in seconds from the start, or null for the whole recording. */
    public double[] rangeSeconds() {
        TimeRange r = range.get();
        if (r.isAll()) {
            return null;
        }
        Instant start = profile.info().start();
        double from = r.from() == null ? 0 : Duration.between(start, r.from()).toNanos() / 1e9;
        double to = r.to() == null ? durationSeconds() : Duration.between(start, r.to()).toNanos() / 1e9;
        return new double[]{from, to};
    }

    private Selection currentSelection() {
        ThreadFilter filter;
        try {
            filter = ThreadFilter.of(threadFilter.get());
            filterError.set("");
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            filter = ThreadFilter.ALL;
        }
        return new Selection(profile, range.get(), filter);
    }

    private void recompute() {
        if (pending != null) {
            pending.cancel();
        }
        Selection selection = currentSelection();
        computing.set(true);
        pending = tasks.run("Analysing " + label(), (progress, cancel) -> {
            AnalyzeEvent event = new AnalyzeEvent();
            event.begin();
            // one analysis of the selection: the report, the rules and the views read the same computed parts
            Analysis analysis = Analysis.of(selection, classifier);
            AnalysisReport report = new io.flightdeck.analysis.Diagnosis(version).analyse(analysis, RuleEngine.standard(),
                    cancel::isCancelled);
            cancel.throwIfCancelled();
            Snapshot s = new Snapshot(selection, report, analysis.hotMethods(), analysis.threadActivity(),
                    PauseDistribution.of(analysis.gcStatistics().pauses()), analysis.phases(), analysis);
            event.recording = label();
            event.commit();
            return s;
        }, s -> {
            computing.set(false);
            snapshot.set(s);
        }, error -> computing.set(false));
    }

    /**
     * Builds a call tree of the current selection in the background.
     *
     * @param onReady runs on the FX thread with the tree
     */
    public void callTree(FlameKind kind, boolean bottomUp, Consumer<CallTree> onReady) {
        Snapshot s = snapshot.get();
        Selection selection = s != null ? s.selection() : currentSelection();
        tasks.run("Building the call tree", (progress, cancel) -> CallTree.of(selection, kind, bottomUp),
                onReady, error -> { });
    }
}
