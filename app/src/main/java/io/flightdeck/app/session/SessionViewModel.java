package io.flightdeck.app.session;

import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.analysis.TimeRange;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.cli.TimeArgument;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The open session: the {@link Session} being edited, the file it was read from or saved to, whether it has
 * unsaved changes, and the open recordings that are its baseline and candidate (and their comparison). The runs'
 * files, time ranges and thread filters are taken from those tabs when the session is saved, so what is saved is
 * what the user sees. In memory the runs' paths are absolute; {@link SessionFiles#write} stores them relative to
 * the session file.
 */
public final class SessionViewModel {
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<RecordingViewModel> baseline = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordingViewModel> candidate = new SimpleObjectProperty<>();
    private final ObjectProperty<CompareViewModel> comparison = new SimpleObjectProperty<>();

    /** A session read from {@code file} (its paths made absolute). */
    public SessionViewModel(Session read, Path file) {
        this.session.set(absolute(read, file));
        this.file.set(file == null ? null : file.toAbsolutePath());
    }

    /** A new, unsaved session whose baseline is this recording (its current range and thread filter). */
    public static SessionViewModel startingFrom(RecordingViewModel recording) {
        String now = now();
        Session s = new Session(Session.FORMAT, recording.label(), now, now, Session.STAGES.getFirst(),
                runOf(recording, null), null, null, List.of());
        SessionViewModel vm = new SessionViewModel(s, null);
        vm.baseline.set(recording);
        vm.dirty.set(true);
        return vm;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    /** Where the session was read from or last saved; null for a new one. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /**
     * The file to save to without asking, or null: a new session has none, and the bundled sample's temporary
     * copy (deleted when the app exits) must not be where the user's work goes.
     */
    public Path saveTarget() {
        Path f = file.get();
        if (f == null) {
            return null;
        }
        for (Path p = f.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().startsWith("flightdeck-samples-")) {
                return null;
            }
        }
        return f;
    }

    /** True when there are changes that are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The open recording of the baseline run (null while it is not open). */
    public ObjectProperty<RecordingViewModel> baselineProperty() {
        return baseline;
    }

    public ObjectProperty<RecordingViewModel> candidateProperty() {
        return candidate;
    }

    /** The comparison of the baseline with the candidate (its budget is the session's). */
    public ObjectProperty<CompareViewModel> comparisonProperty() {
        return comparison;
    }

    public void rename(String name) {
        Session s = session.get();
        if (name == null || name.isBlank() || name.equals(s.name())) {
            return;
        }
        update(new Session(s.flightdeckSession(), name.strip(), s.created(), s.modified(), s.stage(), s.baseline(),
                s.candidate(), s.budget(), s.notes()));
    }

    /** The recording the baseline is compared with, from now on. */
    public void setCandidate(RecordingViewModel recording) {
        Session s = session.get();
        candidate.set(recording);
        update(s.withCandidate(runOf(recording, s.candidate())));
    }

    public void setStage(String stage) {
        if (!Session.STAGES.contains(stage)) {
            throw new IllegalArgumentException("no stage " + stage);
        }
        if (!stage.equals(session.get().stage())) {
            update(session.get().withStage(stage));
        }
    }

    /** Adds a note to a stage (blank text is ignored). */
    public void addNote(String stage, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        update(session.get().withNote(new Session.Note(stage, now(), text.strip())));
    }

    public List<Session.Note> notes(String stage) {
        return session.get().notes().stream().filter(n -> stage.equals(n.stage())).toList();
    }

    /**
     * The session as it would be saved now: the runs as their tabs show them (files, range, threads) and the
     * comparison's budget.
     */
    public Session current() {
        Session s = session.get();
        Session.RunSet base = baseline.get() == null ? s.baseline() : runOf(baseline.get(), s.baseline());
        Session.RunSet cand = candidate.get() == null ? s.candidate() : runOf(candidate.get(), s.candidate());
        CompareViewModel c = comparison.get();
        com.fasterxml.jackson.databind.JsonNode budget = c == null ? s.budget() : c.budgetTree();
        return new Session(s.flightdeckSession(), s.name(), s.created(), s.modified(), s.stage(), base, cand, budget,
                s.notes());
    }

    /** The session to write now: {@link #current()} stamped with the time. */
    public Session toSave() {
        return current().withModified(now());
    }

    /**
     * Writes the session (atomically: a temporary file beside it, then a rename, so an existing file is replaced
     * only by a complete new one). Any thread; call {@link #saved} on the FX thread afterwards.
     */
    public static void write(Session s, Path target) throws IOException {
        SessionFiles.write(s, target);
    }

    /** The session was written to {@code target} (FX thread). */
    public void saved(Session s, Path target) {
        session.set(s);
        file.set(target.toAbsolutePath());
        dirty.set(false);
    }

    /** Marks a change that lives outside the session record (a tab's range, the comparison's budget). */
    public void touch() {
        dirty.set(true);
    }

    /** Applies a run's saved time range and thread filter to the recording that opened for it. */
    public static void apply(Session.RunSet run, RecordingViewModel recording) {
        if (run.thread() != null && !run.thread().isBlank()) {
            recording.threadFilterProperty().set(run.thread());
        }
        if (run.from() != null || run.to() != null) {
            Instant start = recording.profile().info().start();
            try {
                Instant from = run.from() == null ? null : TimeArgument.parse("from", run.from(), start);
                Instant to = run.to() == null ? null : TimeArgument.parse("to", run.to(), start);
                recording.rangeProperty().set(new TimeRange(from, to));
            } catch (RuntimeException e) {
                // an unreadable range leaves the whole recording selected
            }
        }
    }

    private void update(Session s) {
        session.set(s);
        dirty.set(true);
    }

    /** The run of a recording as its tab shows it; the label of the run it replaces is kept. */
    static Session.RunSet runOf(RecordingViewModel recording, Session.RunSet previous) {
        List<String> files = recording.files().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        double[] range = recording.rangeSeconds();
        String thread = recording.threadFilterProperty().get();
        String label = previous != null && previous.label() != null ? previous.label() : recording.label();
        return new Session.RunSet(label, files,
                range == null ? null : String.format(Locale.ROOT, "+%.3f", range[0]),
                range == null ? null : String.format(Locale.ROOT, "+%.3f", range[1]),
                thread == null || thread.isBlank() ? null : thread);
    }

    private static Session absolute(Session s, Path file) {
        if (file == null) {
            return s;
        }
        return new Session(s.flightdeckSession(), s.name(), s.created(), s.modified(),
                s.stage() == null ? Session.STAGES.getFirst() : s.stage(), absolute(s.baseline(), file),
                absolute(s.candidate(), file), s.budget(), s.notes());
    }

    private static Session.RunSet absolute(Session.RunSet run, Path file) {
        if (run == null) {
            return null;
        }
        return new Session.RunSet(run.label(), run.paths(file).stream().map(Path::toString).toList(), run.from(),
                run.to(), run.thread());
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
