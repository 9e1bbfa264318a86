package io.flightdeck.app.shell;

import io.flightdeck.app.Version;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.ImportEvent;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.prefs.Preferences;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench as a whole: the open recordings, opening more (in the background), recent files, the status line.
 */
public final class MainViewModel {
    private static final int RECENT = 10;

    private final TaskRunner tasks;
    private final ProfileLoader loader;
    private final Preferences prefs;
    private final ObservableList<RecordingViewModel> recordings = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
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
        if (files.size() == 1) {
            open(files.getFirst());
            return;
        }
        status.set("Opening " + files.size() + " files…");
        tasks.run("Looking at " + files.size() + " files", (progress, cancel) -> groups(files), groups -> {
            for (List<Path> group : groups) {
                openTogether(group, null);
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
        openTogether(List.of(file), null);
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
        openTogether(all, recording);
    }

    private void openTogether(List<Path> files, RecordingViewModel replacing) {
        Path first = files.getFirst();
        String what = files.size() == 1 ? first.getFileName().toString()
                : first.getFileName() + " and " + (files.size() - 1) + " more";
        status.set("Opening " + what + "…");
        tasks.run("Opening " + what, (progress, cancel) -> {
            ImportEvent event = new ImportEvent();
            event.begin();
            Profile profile = loader.loadTogether(files, progress, cancel);
            event.file = first.toString();
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            event.bytes = bytes;
            event.commit();
            return profile;
        }, profile -> {
            RecordingViewModel opened = new RecordingViewModel(profile, tasks, Version.get());
            int index = replacing == null ? -1 : recordings.indexOf(replacing);
            if (index >= 0) {
                recordings.set(index, opened);
            } else {
                recordings.add(opened);
            }
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

    public void close(RecordingViewModel recording) {
        recordings.remove(recording);
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null && absolute.getParent().getFileName() != null
                && absolute.getParent().getFileName().toString().startsWith("flightdeck-samples-")) {
            return; // the bundled sample's temporary copy is not worth remembering
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
