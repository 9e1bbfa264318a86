package io.flightdeck.ingest;

import io.flightdeck.ingest.jfr.JfrImporter;
import io.flightdeck.model.Profile;

import java.nio.file.Path;

/**
 * The one entry point for reading a file: detects what it is by content and hands it to the matching reader.
 */
public final class ProfileLoader {
    private final ImportOptions options;

    public ProfileLoader(ImportOptions options) {
        this.options = options;
    }

    public static ProfileLoader withDefaults() {
        return new ProfileLoader(ImportOptions.defaults());
    }

    public Profile load(Path file) throws ImportException {
        return load(file, ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * @throws ImportException                          the file is not readable or not a supported format
     * @throws java.util.concurrent.CancellationException the token was cancelled
     */
    public Profile load(Path file, ProgressListener progress, CancellationToken cancel) throws ImportException {
        DetectedFormat format = FormatDetector.detect(file);
        return switch (format.kind()) {
            case JFR -> new JfrImporter(options).read(file, format.gzip(), progress, cancel);
            case GC_LOG -> throw new ImportException(file, "a " + format.format()
                    + " GC log; this version of Flightdeck cannot read GC logs yet");
            case CLASS_HISTOGRAM -> new io.flightdeck.ingest.histogram.ClassHistogramImporter()
                    .read(file, format.gzip(), progress, cancel);
        };
    }
}
