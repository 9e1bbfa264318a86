package io.flightdeck.app.shell;

import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.app.session.SessionViewModel;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.model.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shell's session work, apart from opening files: start a session, set its candidate (and the comparison that
 * follows, with the session's budget), open one (its runs read in the background) and save one (atomically).
 */
final class SessionActions {
    private final MainViewModel main;

    SessionActions(MainViewModel main) {
        this.main = main;
    }

    SessionViewModel newSession(RecordingViewModel baseline) {
        SessionViewModel s = SessionViewModel.startingFrom(baseline);
        main.sessionSlot().set(s);
        main.setStatus("New session from " + baseline.label() + ": set a candidate to compare with it");
        return s;
    }

    CompareViewModel setCandidate(RecordingViewModel candidate) {
        SessionViewModel s = main.session();
        if (s == null) {
            throw new IllegalStateException("no session is open");
        }
        s.setCandidate(candidate);
        CompareViewModel c = s.comparisonProperty().get();
        if (c == null || !main.comparisons().contains(c)) {
            c = sessionComparison(s);
        }
        c.setSides(s.baselineProperty().get(), candidate);
        return c;
    }

    /** The session's comparison: with its budget, listed with the others, and a budget change marks it edited. */
    private CompareViewModel sessionComparison(SessionViewModel s) {
        CompareViewModel c = new CompareViewModel(main.tasks(), Version.get());
        try {
            c.setBudget(s.file() == null ? s.session().name() : s.file().getFileName().toString(),
                    s.session().budget());
        } catch (Budget.BudgetException e) {
            main.setStatus("The session's budget is not valid: " + e.getMessage());
        }
        main.comparisons().add(c);
        s.comparisonProperty().set(c);
        c.budgetProperty().addListener((obs, old, now) -> s.touch());
        return c;
    }

    void openSession(Path file) {
        main.setStatus("Opening the session " + file.getFileName() + "…");
        main.tasks().run("Opening the session " + file.getFileName(), (progress, cancel) -> {
            Session read = SessionFiles.read(file);
            List<Path> base = read.baseline().paths(file);
            List<Path> cand = read.candidate() == null || read.candidate().files().isEmpty() ? null
                    : read.candidate().paths(file);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Profile> b = pool.submit(() -> main.loadFiles(base, (f, st) -> progress.progress(f / 2, st),
                        cancel));
                Future<Profile> c = cand == null ? null : pool.submit(() -> main.loadFiles(cand,
                        (f, st) -> progress.progress(0.5 + f / 2, st), cancel));
                return new LoadedSession(read, b.get(), c == null ? null : c.get(), base, cand);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }, loaded -> {
            Session read = loaded.session();
            SessionViewModel s = new SessionViewModel(read, file);
            RecordingViewModel base = new RecordingViewModel(loaded.baseline(), main.tasks(), Version.get());
            SessionViewModel.apply(read.baseline(), base);
            main.recordings().add(base);
            s.baselineProperty().set(base);
            main.sessionSlot().set(s);
            loaded.baselineFiles().forEach(main::rememberFile);
            if (loaded.candidate() != null) {
                RecordingViewModel cand = new RecordingViewModel(loaded.candidate(), main.tasks(), Version.get());
                SessionViewModel.apply(read.candidate(), cand);
                main.recordings().add(cand);
                s.candidateProperty().set(cand);
                loaded.candidateFiles().forEach(main::rememberFile);
                sessionComparison(s).setSides(base, cand);
            }
            main.rememberFile(file);
            main.setStatus("Opened the session " + file.getFileName());
        }, error -> {
            String message = error instanceof ImportException ? error.getMessage()
                    : file.getFileName() + ": could not open the session (" + error + ")";
            main.setStatus(message);
            main.error(error instanceof ImportException ie && ie.file() != null ? ie.file() : file, message);
        });
    }

    /** A session read with its runs' profiles (the candidate's null when it has none yet). */
    private record LoadedSession(Session session, Profile baseline, Profile candidate, List<Path> baselineFiles,
            List<Path> candidateFiles) {
    }

    void saveSession(Path file, Runnable onSaved) {
        SessionViewModel s = main.session();
        if (s == null) {
            return;
        }
        Session toSave = s.toSave();
        main.setStatus("Saving the session to " + file.getFileName() + "…");
        main.tasks().run("Saving the session", (progress, cancel) -> {
            SessionViewModel.write(toSave, file);
            return file;
        }, saved -> {
            s.saved(toSave, saved);
            main.rememberFile(saved);
            main.setStatus("Saved the session to " + saved);
            onSaved.run();
        }, error -> {
            main.setStatus("Could not save the session: " + error.getMessage());
            main.error(file, "Could not save the session: " + error.getMessage()
                    + ". The file on disk was not changed.");
        });
    }
}
