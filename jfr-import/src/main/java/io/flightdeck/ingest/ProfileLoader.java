package io.flightdeck.ingest;

import io.flightdeck.ingest.gclog.GcLogImporter;
import io.flightdeck.ingest.gclog.ParsedGcLog;
import io.flightdeck.ingest.histogram.ClassHistogramImporter;
import io.flightdeck.ingest.jfr.JfrImporter;
import io.flightdeck.model.Profile;

import io.flightdeck.model.SourceInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        return load(file, FormatDetector.detect(file), progress, cancel);
    }

    /** A file whose format was already detected (each file is probed once). */
    private Profile load(Path file, DetectedFormat format, ProgressListener progress, CancellationToken cancel)
            throws ImportException {
        return switch (format.kind()) {
            case JFR -> new JfrImporter(options).read(file, format.gzip(), progress, cancel);
            case GC_LOG -> new GcLogImporter().read(file, format, null, progress, cancel);
            case CLASS_HISTOGRAM -> new ClassHistogramImporter().read(file, format.gzip(), progress, cancel);
        };
    }

    /**
     * Reads the files of one JVM run together — at most one recording, any number of GC log files (one log, or its
     * rotated parts) and class histograms — into one profile on one time axis, aligned on the JVM start the
     * recording states (see {@link ProfileMerger}).
     *
     * @throws ImportException a file is unreadable, or two recordings were given
     */
    public Profile loadTogether(List<Path> files, ProgressListener progress, CancellationToken cancel)
            throws ImportException {
        if (files.size() == 1) {
            return load(files.getFirst(), progress, cancel);
        }
        List<Path> recordings = new ArrayList<>();
        List<DetectedFormat> recordingFormats = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        List<DetectedFormat> logFormats = new ArrayList<>();
        List<Path> histogramFiles = new ArrayList<>();
        List<DetectedFormat> histogramFormats = new ArrayList<>();
        for (Path file : files) {
            DetectedFormat f = FormatDetector.detect(file);
            switch (f.kind()) {
                case JFR -> {
                    recordings.add(file);
                    recordingFormats.add(f);
                }
                case GC_LOG -> {
                    logs.add(file);
                    logFormats.add(f);
                }
                case CLASS_HISTOGRAM -> {
                    histogramFiles.add(file);
                    histogramFormats.add(f);
                }
            }
        }
        if (recordings.size() > 1) {
            throw new ImportException(recordings.get(1), "a second recording: files analysed together must come "
                    + "from one JVM run (one recording, its GC log, its histograms); compare two recordings with "
                    + "'flightdeck compare'");
        }
        double parts = files.size();
        Profile recording = null;
        if (!recordings.isEmpty()) {
            recording = load(recordings.getFirst(), recordingFormats.getFirst(),
                    scaled(progress, 0, recordings.size() / parts), cancel);
        }
        Profile log = null;
        if (!logs.isEmpty()) {
            Instant jvmStart = recording == null ? null : recording.info().jvmStartTime().orElse(null);
            double from = recordings.size() / parts;
            ParsedGcLog parsed = new GcLogImporter().parse(logs, logFormats,
                    scaled(progress, from, from + logs.size() / parts), cancel);
            log = parsed.placedAt(jvmStart);
            if (recording != null && jvmStart != null && log.info().jvmStartTime().equals(Optional.of(jvmStart))) {
                // the log has no wall clock of its own: refine the JVM start on the collections both saw, and place
                // the log already read on it
                Duration offset = sharedCollectionOffset(recording, log);
                if (offset != null) {
                    log = parsed.placedAt(jvmStart.plus(offset));
                }
            }
            if (recording != null) {
                log = checkAlignment(recording, log);
            }
        }
        List<Profile> histograms = new ArrayList<>();
        for (int i = 0; i < histogramFiles.size(); i++) {
            histograms.add(load(histogramFiles.get(i), histogramFormats.get(i), ProgressListener.NONE, cancel));
        }
        Profile primary = recording != null ? recording : log != null ? log : histograms.getFirst();
        return ProfileMerger.merge(primary, log, histograms);
    }

    /**
     * How far the log's pauses sit from the recording's pauses of the same GC id (the median of the differences;
     * JFR's JVM start time is taken a little after the log's uptime zero), or null when they share none, agree
     * already, or are too far apart to be one run.
     */
    public static Duration sharedCollectionOffset(Profile recording, Profile log) {
        java.util.Map<Long, Instant> recorded = new java.util.HashMap<>();
        for (io.flightdeck.model.GcPause p : recording.gcPauses()) {
            recorded.merge(p.gcId(), p.start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        java.util.Map<Long, Instant> logged = new java.util.HashMap<>();
        for (io.flightdeck.model.GcPause p : log.gcPauses()) {
            logged.merge(p.gcId(), p.start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Long> diffs = new ArrayList<>();
        for (var e : logged.entrySet()) {
            Instant r = recorded.get(e.getKey());
            if (e.getKey() >= 0 && r != null) {
                diffs.add(Duration.between(e.getValue(), r).toNanos());
            }
        }
        if (diffs.isEmpty()) {
            return null;
        }
        diffs.sort(null);
        long median = diffs.get(diffs.size() / 2);
        if (Math.abs(median) < 1_000_000 || Math.abs(median) > 10_000_000_000L) {
            return null;
        }
        return Duration.ofNanos(median);
    }

    /** A log whose own wall clock puts the JVM start far from the recording's is probably of another run. */
    private static Profile checkAlignment(Profile recording, Profile log) {
        Optional<Instant> a = recording.info().jvmStartTime();
        Optional<Instant> b = log.info().jvmStartTime();
        if (a.isEmpty() || b.isEmpty()) {
            return log;
        }
        long apartMillis = Math.abs(Duration.between(a.get(), b.get()).toMillis());
        if (apartMillis <= 2_000) {
            return log;
        }
        List<String> warnings = new ArrayList<>(log.source().warnings());
        warnings.add("Its JVM started at " + b.get() + ", the recording's at " + a.get()
                + ": probably not the same run; its times are kept as logged.");
        SourceInfo s = log.source();
        SourceInfo withWarning = new SourceInfo(s.path(), s.kind(), s.format(), s.sizeBytes(), warnings,
                s.skippedLines(), s.lines(), s.skippedSamples());
        return log.withSources(List.of(withWarning), log.gcSource());
    }

    private static ProgressListener scaled(ProgressListener p, double from, double to) {
        return (done, stage) -> p.progress(from + (to - from) * done, stage);
    }
}
