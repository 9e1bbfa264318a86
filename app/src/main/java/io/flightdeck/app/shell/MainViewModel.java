package io.flightdeck.app.shell;

import io.flightdeck.app.Version;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.ImportEvent;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;

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

    /** Imports files in the background; each opens in its own tab when it is read. */
    public void open(List<Path> files) {
        for (Path f : files) {
            open(f);
        }
    }

    public void open(Path file) {
        status.set("Opening " + file.getFileName() + "…");
        tasks.run("Opening " + file.getFileName(), (progress, cancel) -> {
            ImportEvent event = new ImportEvent();
            event.begin();
            Profile profile = loader.load(file, progress, cancel);
            event.file = file.toString();
            event.bytes = Files.size(file);
            event.commit();
            return profile;
        }, profile -> {
            recordings.add(new RecordingViewModel(profile, tasks, Version.get()));
            remember(file);
            status.set(profile.source().warnings().isEmpty() ? "Opened " + file.getFileName()
                    : "Opened " + file.getFileName() + " with warnings: " + profile.source().warnings().getFirst());
        }, error -> {
            String message = error instanceof ImportException ? error.getMessage()
                    : file.getFileName() + ": unexpected error (" + error + ")";
            status.set(message);
            onError.accept(file, message);
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
