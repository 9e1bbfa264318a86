package io.flightdeck.app.shell;

import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.Version;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.output.Renderers;
import io.flightdeck.analysis.output.Reports;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.app.session.SessionViewModel;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.ImportEvent;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;
import io.flightdeck.samples.BundledSamples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench as a whole: the open recordings and comparisons, opening more (in the background), the open
 * session, recent files, the status line, exporting reports.
 */
public final class MainViewModel {
    private static final int RECENT = 10;

    private final javafx.beans.property.BooleanProperty welcome = new javafx.beans.property.SimpleBooleanProperty(false);
    private final TaskRunner tasks;
    private final ProfileLoader loader;
    private final Preferences prefs;
    private final ObservableList<RecordingViewModel> recordings = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<CompareViewModel> comparisons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionViewModel> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final SessionActions sessions = new SessionActions(this);
    private BiConsumer<Path, String> onError = (file, message) -> { };

    public MainViewModel(TaskRunner tasks, ProfileLoader loader, Preferences prefs) {
        this.tasks = tasks;
        this.loader = loader;
        this.prefs = prefs;
        if (prefs != null) {
            for (int i = 0; i < RECENT; i++) {
                String p = prefs.get("recent." + i, null);
                if (p != null) {
                    recent.add(Path.of(p));
                }
            }
        }
    }

    public ObservableList<RecordingViewModel> recordings() {
        return recordings;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /** The open comparisons, each shown in a tab of its own. */
    public ObservableList<CompareViewModel> comparisons() {
        return comparisons;
    }

    /**
     * The welcome screen is asked for in front of the tabs: at a start without files, while the bundled sample
     * session opens behind it. Any action of the user's (a welcome action, a menu, a drop) puts it away; with no
     * tab open it shows anyway.
     */
    public javafx.beans.property.BooleanProperty welcomeProperty() {
        return welcome;
    }

    /** A start without files: the bundled sample session opens behind the welcome screen. */
    public void startWithoutFiles() {
        welcome.set(true);
        openSampleSession();
    }

    /** The open session, or null. */
    public ReadOnlyObjectProperty<SessionViewModel> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public SessionViewModel session() {
        return session.get();
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Called (FX thread) with the file and the one-line reason when a file cannot be opened. */
    public void setOnError(BiConsumer<Path, String> handler) {
        this.onError = handler;
    }

    /**
     * Imports files in the background. Files of one JVM run — at most one recording with its GC logs and
     * histograms — open together in one tab, on one time axis; several recordings open in a tab each (with the
     * other files in tabs of their own, since it is not clear which recording they belong to).
     */
    public void open(List<Path> files) {
        List<Path> sessions = files.stream().filter(SessionFiles::isSession).toList();
        if (!sessions.isEmpty()) {
            openSession(sessions.getFirst());
            List<Path> rest = files.stream().filter(f -> !sessions.contains(f)).toList();
            if (!rest.isEmpty()) {
                open(rest);
            }
            return;
        }
        if (files.size() == 1) {
            open(files.getFirst());
            return;
        }
        status.set("Opening " + files.size() + " files…");
        tasks.run("Looking at " + files.size() + " files", (progress, cancel) -> groups(files), groups -> {
            for (List<Path> group : groups) {
                openTogether(group, null, r -> { });
            }
        }, error -> status.set("Could not open the files: " + error.getMessage()));
    }

    /**
     * Dropped files: GC logs and histograms without a recording join the analysis in front (when there is one);
     * anything with a recording opens as usual.
     */
    public void drop(List<Path> files, RecordingViewModel current) {
        if (current == null) {
            open(files);
            return;
        }
        tasks.run("Looking at " + files.size() + " files", (progress, cancel) -> groups(files).size() == 1
                && noRecording(files), add -> {
            if (add) {
                addTo(current, files);
            } else {
                open(files);
            }
        }, error -> open(files));
    }

    private static boolean noRecording(List<Path> files) {
        for (Path f : files) {
            try {
                if (FormatDetector.detect(f).kind() == SourceKind.JFR) {
                    return false;
                }
            } catch (ImportException e) {
                return false;
            }
        }
        return true;
    }

    /** One group when there is at most one recording, else one group per file. */
    static List<List<Path>> groups(List<Path> files) {
        int recordings = 0;
        for (Path f : files) {
            try {
                if (FormatDetector.detect(f).kind() == SourceKind.JFR) {
                    recordings++;
                }
            } catch (ImportException e) {
                // reported when that file is opened
            }
        }
        if (recordings <= 1) {
            return List.of(List.copyOf(files));
        }
        return files.stream().map(List::of).toList();
    }

    public void open(Path file) {
        if (SessionFiles.isSession(file)) {
            openSession(file);
            return;
        }
        openTogether(List.of(file), null, r -> { });
    }

    /** Opens files of one JVM run in a tab and hands the recording over once it is open (FX thread). */
    public void open(List<Path> files, Consumer<RecordingViewModel> onOpened) {
        openTogether(files, null, onOpened);
    }

    /**
     * Adds files (a GC log, histograms) to an open analysis: its files and the new ones are read again together,
     * and the result takes the analysis's place.
     */
    public void addTo(RecordingViewModel recording, List<Path> files) {
        List<Path> all = new ArrayList<>(recording.files());
        for (Path f : files) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        openTogether(all, recording, r -> { });
    }

    private void openTogether(List<Path> files, RecordingViewModel replacing, Consumer<RecordingViewModel> onOpened) {
        Path first = files.getFirst();
        String what = files.size() == 1 ? first.getFileName().toString()
                : first.getFileName() + " and " + (files.size() - 1) + " more";
        status.set("Opening " + what + "…");
        tasks.run("Opening " + what, (progress, cancel) -> {
            return load(files, progress, cancel);
        }, profile -> {
            RecordingViewModel opened = new RecordingViewModel(profile, tasks, Version.get());
            int index = replacing == null ? -1 : recordings.indexOf(replacing);
            if (index >= 0) {
                recordings.set(index, opened);
                replaced(replacing, opened);
            } else {
                recordings.add(opened);
            }
            onOpened.accept(opened);
            files.forEach(this::remember);
            List<String> warnings = profile.sources().stream().flatMap(s -> s.warnings().stream()).toList();
            status.set(warnings.isEmpty() ? "Opened " + what : "Opened " + what + " with warnings: " + warnings.getFirst());
        }, error -> {
            String message = error instanceof ImportException ? error.getMessage()
                    : first.getFileName() + ": unexpected error (" + error + ")";
            status.set(message);
            onError.accept(error instanceof ImportException ie && ie.file() != null ? ie.file() : first, message);
        });
    }

    private Profile load(List<Path> files, io.flightdeck.ingest.ProgressListener progress,
            io.flightdeck.ingest.CancellationToken cancel) throws Exception {
        ImportEvent event = new ImportEvent();
        event.begin();
        Profile profile = loader.loadTogether(files, progress, cancel);
        event.file = files.getFirst().toString();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        event.bytes = bytes;
        event.commit();
        return profile;
    }

    /** A recording's files were read again (a file added): what pointed at the old analysis follows. */
    private void replaced(RecordingViewModel old, RecordingViewModel now) {
        for (CompareViewModel c : comparisons) {
            if (c.baseline() == old || c.candidate() == old) {
                c.setSides(c.baseline() == old ? now : c.baseline(), c.candidate() == old ? now : c.candidate());
            }
        }
        SessionViewModel s = session.get();
        if (s != null) {
            if (s.baselineProperty().get() == old) {
                s.baselineProperty().set(now);
                s.touch();
            }
            if (s.candidateProperty().get() == old) {
                s.candidateProperty().set(now);
                s.touch();
            }
        }
    }

    public void close(RecordingViewModel recording) {
        recordings.remove(recording);
        for (CompareViewModel c : comparisons) {
            if (c.baseline() == recording || c.candidate() == recording) {
                c.setSides(c.baseline() == recording ? null : c.baseline(),
                        c.candidate() == recording ? null : c.candidate());
            }
        }
        SessionViewModel s = session.get();
        if (s != null) {
            if (s.baselineProperty().get() == recording) {
                s.baselineProperty().set(null);
            }
            if (s.candidateProperty().get() == recording) {
                s.candidateProperty().set(null);
            }
        }
    }

    /**
     * Opens two recordings, each in its tab, and their comparison once both are open: baseline and candidate as
     * chosen (a side that cannot be read reports its error and no comparison opens).
     */
    public void compareFiles(Path baseline, Path candidate) {
        RecordingViewModel[] sides = new RecordingViewModel[2];
        Runnable whenBoth = () -> {
            if (sides[0] != null && sides[1] != null) {
                compare(sides[0], sides[1]);
            }
        };
        openTogether(List.of(baseline), null, r -> {
            sides[0] = r;
            whenBoth.run();
        });
        openTogether(List.of(candidate), null, r -> {
            sides[1] = r;
            whenBoth.run();
        });
    }

    /**
     * Opens the bundled sample session (a lock-contention fix: before, after and their comparison), unpacking it
     * in the background first.
     */
    public void openSampleSession() {
        status.set("Opening the sample session…");
        tasks.run("Unpacking the sample session", (progress, cancel) -> BundledSamples.extractSession(),
                this::openSession, error -> {
                    status.set("Could not open the sample session: " + error.getMessage());
                    onError.accept(Path.of(BundledSamples.SESSION), "Could not open the sample session: "
                            + error.getMessage());
                });
    }

    // ---- comparisons ----

    /** Opens a comparison of two open recordings (either may be null: the view lets the user choose). */
    public CompareViewModel compare(RecordingViewModel baseline, RecordingViewModel candidate) {
        CompareViewModel c = new CompareViewModel(tasks, Version.get());
        comparisons.add(c);
        c.setSides(baseline, candidate);
        return c;
    }

    public void closeComparison(CompareViewModel comparison) {
        comparison.cancel();
        comparisons.remove(comparison);
        SessionViewModel s = session.get();
        if (s != null && s.comparisonProperty().get() == comparison) {
            s.comparisonProperty().set(null);
        }
    }

    // ---- sessions (SessionActions does the work) ----

    /** Starts a session whose baseline is this recording (replacing the open session). */
    public SessionViewModel newSession(RecordingViewModel baseline) {
        return sessions.newSession(baseline);
    }

    /** Closes the session (its tabs stay open). */
    public void closeSession() {
        session.set(null);
    }

    /** The session's candidate is this recording: the comparison of the two opens (or follows). */
    public CompareViewModel setCandidate(RecordingViewModel candidate) {
        return sessions.setCandidate(candidate);
    }

    /**
     * Opens a session: reads it, opens its baseline and candidate runs (in the background, each as a tab, with
     * their saved time ranges and thread filters) and, when it has a candidate, their comparison with the
     * session's budget.
     */
    public void openSession(Path file) {
        sessions.openSession(file);
    }

    /** Saves the open session to {@code file} in the background (atomically); runs {@code onSaved} after. */
    public void saveSession(Path file, Runnable onSaved) {
        sessions.saveSession(file, onSaved);
    }

    // what SessionActions needs of the shell

    ReadOnlyObjectWrapper<SessionViewModel> sessionSlot() {
        return session;
    }

    void setStatus(String text) {
        status.set(text);
    }

    void error(Path file, String message) {
        onError.accept(file, message);
    }

    Profile loadFiles(List<Path> files, io.flightdeck.ingest.ProgressListener progress,
            io.flightdeck.ingest.CancellationToken cancel) throws Exception {
        return load(files, progress, cancel);
    }

    void rememberFile(Path file) {
        remember(file);
    }

    // ---- reports ----

    /** The format a report file's name asks for (.md, .html, .json, anything else plain text). */
    public static ReportFormat formatOf(Path file) {
        return Reports.formatOf(file);
    }

    /**
     * The report of a recording (its analysis of the current selection) or of a comparison (with the session's
     * name, stage, runs and notes when it is the session's), rendered as the CLI's {@code analyze}, {@code compare}
     * and {@code export} commands render them ({@link Reports}).
     */
    public String report(Object what, ReportFormat format) {
        SessionViewModel s = session.get();
        if (what instanceof CompareViewModel c) {
            ComparisonReport r = c.report();
            if (r == null) {
                throw new IllegalStateException("the comparison has no result yet");
            }
            boolean ofSession = s != null && s.comparisonProperty().get() == c;
            return Reports.comparison(r, ofSession ? s.current() : null, ofSession ? s.file() : null, format,
                    Renderers.DEFAULT_WIDTH);
        }
        if (what instanceof RecordingViewModel rv) {
            if (rv.snapshot() == null) {
                throw new IllegalStateException("the analysis of " + rv.label() + " is not ready yet");
            }
            AnalysisReport r = rv.snapshot().report();
            boolean ofSession = s != null && s.baselineProperty().get() == rv && s.candidateProperty().get() == null;
            return Reports.analysis(r, ofSession ? s.current() : null, ofSession ? s.file() : null, format,
                    Renderers.DEFAULT_WIDTH);
        }
        throw new IllegalArgumentException("nothing to report on");
    }

    /** Writes the report of a recording or comparison to {@code file} (format from its name) in the background. */
    public void exportReport(Object what, Path file) {
        ReportFormat format = formatOf(file);
        String text;
        try {
            text = report(what, format);
        } catch (RuntimeException e) {
            status.set("Nothing to export: " + e.getMessage());
            onError.accept(file, e.getMessage());
            return;
        }
        tasks.run("Writing the report " + file.getFileName(), (progress, cancel) -> {
            OutputTarget.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        }, written -> status.set("Wrote the report to " + written), error -> {
            status.set("Could not write the report: " + error.getMessage());
            onError.accept(file, "Could not write the report: " + error.getMessage());
        });
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().startsWith("flightdeck-samples-")) {
                return; // the bundled samples' temporary copies are not worth remembering
            }
        }
        List<Path> updated = new ArrayList<>(recent);
        updated.remove(absolute);
        updated.addFirst(absolute);
        while (updated.size() > RECENT) {
            updated.removeLast();
        }
        recent.setAll(updated);
        if (prefs != null) {
            for (int i = 0; i < RECENT; i++) {
                if (i < updated.size()) {
                    prefs.put("recent." + i, updated.get(i).toString());
                } else {
                    prefs.remove("recent." + i);
                }
            }
        }
    }
}
