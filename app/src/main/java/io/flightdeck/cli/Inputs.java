package io.flightdeck.cli;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.Profile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the files a command names, printing each import warning to stderr as one line. */
final class Inputs {
    private Inputs() {
    }

    static List<Profile> load(List<Path> files, ImportOptions options, PrintStream err) throws ImportException {
        ProfileLoader loader = new ProfileLoader(options);
        List<Profile> profiles = new ArrayList<>();
        for (Path file : files) {
            Profile p = loader.load(file, ProgressListener.NONE, CancellationToken.none());
            for (String w : p.source().warnings()) {
                err.println("flightdeck: warning: " + file.getFileName() + ": " + w);
            }
            profiles.add(p);
        }
        return profiles;
    }

    /** Loads the files of one JVM run as one profile (see {@link ProfileLoader#loadTogether}). */
    static Profile loadTogether(List<Path> files, ImportOptions options, PrintStream err) throws ImportException {
        Profile p = new ProfileLoader(options).loadTogether(files, ProgressListener.NONE, CancellationToken.none());
        for (var source : p.sources()) {
            for (String w : source.warnings()) {
                err.println("flightdeck: warning: " + source.path().getFileName() + ": " + w);
            }
        }
        return p;
    }
}
