package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.DetectedFormat;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a HotSpot GC log — unified ({@code -Xlog:gc*}, JDK 9+) or legacy ({@code -XX:+PrintGCDetails}, JDK 8 and
 * older), plain or gzip-compressed, one file or a rotated series — into a {@link Profile} of
 * {@link SourceKind#GC_LOG}: its pauses, collections, concurrent phases, safepoints and heap figures.
 * <p>
 * Logs count time from JVM start. The profile places that on the wall clock from the log's own time stamps when
 * it has them, else from the JVM start of a recording of the same run (the {@code jvmStartHint}), else from the
 * file's modification time — with a warning saying so. {@link #parse} reads the files once and leaves the placing
 * to {@link ParsedGcLog#placedAt}, so a log can be placed again on a better JVM start without being read again.
 */
public final class GcLogImporter {

    /** Reads one log file. */
    public Profile read(Path file, DetectedFormat format, Instant jvmStartHint, ProgressListener progress,
            CancellationToken cancel) throws ImportException {
        return read(List.of(file), List.of(format), jvmStartHint, progress, cancel);
    }

    /**
     * Reads the files of one JVM's GC log (a rotated series, in any order) into one profile; a pause that appears in
     * two files (a manually merged copy beside its parts) is kept once.
     */
    public Profile read(List<Path> named, List<DetectedFormat> namedFormats, Instant jvmStartHint,
            ProgressListener progress, CancellationToken cancel) throws ImportException {
        return parse(named, namedFormats, progress, cancel).placedAt(jvmStartHint);
    }

    /**
     * Reads and parses the files of one JVM's GC log as {@link #read(List, List, Instant, ProgressListener,
     * CancellationToken)} does, but leaves placing it on the wall clock to the caller: for placing one log on more
     * than one JVM start without reading it again.
     */
    public ParsedGcLog parse(List<Path> named, List<DetectedFormat> namedFormats, ProgressListener progress,
            CancellationToken cancel) throws ImportException {
        List<String> notes = new ArrayList<>();
        LogParts parts = LogParts.withRotatedParts(named, namedFormats, notes);
        List<Path> files = parts.files();
        List<DetectedFormat> formats = parts.formats();
        List<GcLogContent> contents = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            DetectedFormat format = formats.get(i);
            int index = i;
            int count = files.size();
            ProgressListener part = (done, stage) -> progress.progress((index + done) / count, stage);
            contents.add(GcLogReader.read(file, "unified".equals(format.format()), format.gzip(), part, cancel));
            try {
                size += Files.size(file);
            } catch (IOException e) {
                throw new ImportException(file, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        GcLogContent log = GcLogMerge.merge(contents);
        log.warnings.addAll(0, notes);
        if (log.maxHeapBytes < 0 && "legacy".equals(log.format)) {
            // JDK 8 states no maximum unless -XX:MaxHeapSize is among the flags it prints: the largest heap
            // capacity its collections print is the best figure it gives
            for (LogRecords.Pause p : log.pauses) {
                log.maxHeapBytes = Math.max(log.maxHeapBytes, p.heapCommitted());
            }
        }
        if (log.recordCount() == 0) {
            String what = "holds no collection, pause or safepoint that Flightdeck reads " + nothingRead(log);
            if (!log.hasFacts()) {
                throw new ImportException(files.getFirst(), "is a " + log.format + " GC log, but it " + what);
            }
            log.warnings.add("The log " + what + ".");
        }
        return new ParsedGcLog(files.getFirst(), log, size, lastModified(files));
    }

    /** What a log that yielded no record held instead: lines not understood, other tags, or nothing but facts. */
    private static String nothingRead(GcLogContent log) {
        StringBuilder sb = new StringBuilder("(").append(log.lines).append(log.lines == 1 ? " line" : " lines");
        if (log.skippedLines > 0) {
            sb.append(", ").append(log.skippedLines).append(" not understood, the first: \"")
                    .append(log.skippedSamples.isEmpty() ? "?" : log.skippedSamples.getFirst()).append('"');
        }
        if (log.otherTagLines > 0) {
            sb.append(", ").append(log.otherTagLines).append(" of other tags than gc and safepoint");
        }
        if (log.skippedLines == 0 && log.otherTagLines == 0 && !log.firstLine.isEmpty()) {
            sb.append("; it begins \"").append(log.firstLine).append('"');
        }
        return sb.append(')').toString();
    }

    private static Instant lastModified(List<Path> files) {
        Instant latest = null;
        for (Path f : files) {
            try {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                if (latest == null || t.isAfter(latest)) {
                    latest = t;
                }
            } catch (IOException e) {
                // keep what we have; the time is only an estimate anyway
            }
        }
        return latest == null ? Instant.now() : latest;
    }
}
