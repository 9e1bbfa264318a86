package io.flightdeck.app.shell;

import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.session.Session;

import java.nio.file.Path;
import java.util.List;

import javafx.collections.ObservableList;

/**
 * The welcome screen's state and actions: what the window shows while no recording or comparison is open (on the
 * first run, and after the last tab closes). Open a recording, compare two, open the sample session, or go back
 * to a recent file or session; everything runs through the {@link MainViewModel}.
 */
public final class WelcomeViewModel {
    private final MainViewModel main;
    private final ObservableList<Path> recentRecordings;
    private final ObservableList<Path> recentSessions;

    public WelcomeViewModel(MainViewModel main) {
        this.main = main;
        // by name only: the FX thread reads no files
        this.recentSessions = main.recent().filtered(WelcomeViewModel::isSessionName);
        this.recentRecordings = main.recent().filtered(p -> !isSessionName(p));
    }

    private static boolean isSessionName(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(Session.EXTENSION);
    }

    /** Recently opened recordings, GC logs and histograms, newest first. */
    public ObservableList<Path> recentRecordings() {
        return recentRecordings;
    }

    /** Recently opened or saved sessions, newest first. */
    public ObservableList<Path> recentSessions() {
        return recentSessions;
    }

    public String version() {
        return Version.get();
    }

    /** Files chosen to open (several files of one JVM run open together). */
    public void open(List<Path> files) {
        if (!files.isEmpty()) {
            main.welcomeProperty().set(false);
            main.open(files);
        }
    }

    /** A recent recording or session. */
    public void openRecent(Path file) {
        main.welcomeProperty().set(false);
        main.open(file);
    }

    /** Two recordings chosen to compare: both open, then their comparison. */
    public void compare(Path baseline, Path candidate) {
        main.welcomeProperty().set(false);
        main.compareFiles(baseline, candidate);
    }

    /** The sample session: shown when it is already open behind the welcome screen, else opened. */
    public void openSample() {
        boolean open = main.session() != null || main.welcomeProperty().get() && !main.recordings().isEmpty();
        main.welcomeProperty().set(false);
        if (!open) {
            main.openSampleSession();
        }
    }
}
