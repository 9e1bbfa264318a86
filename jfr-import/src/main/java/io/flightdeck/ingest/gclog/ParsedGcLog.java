package io.flightdeck.ingest.gclog;

import io.flightdeck.model.Profile;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A GC log read and parsed once, not yet placed on the wall clock: its records count time from JVM start (or carry
 * the log's own wall clock). {@link #placedAt(Instant)} places it on a JVM start; when a recording of the same run
 * tells a better JVM start, the same parsed log is placed again on that one, without reading the files twice.
 * Every time of the profile is placed anew (pauses, collections, phases, safepoints, stalls, heap series, the
 * log's start, end and JVM start), and times the log stamped with its own wall clock stay as logged.
 */
public final class ParsedGcLog {
    private final Path file;
    private final GcLogContent log;
    private final long sizeBytes;
    private final Instant modified;

    ParsedGcLog(Path file, GcLogContent log, long sizeBytes, Instant modified) {
        this.file = file;
        this.log = log;
        this.sizeBytes = sizeBytes;
        this.modified = modified;
    }

    /**
     * The log as a profile whose uptimes count from {@code jvmStartHint} — used when the log has no wall clock of its
     * own to place its JVM start; null when there is no hint (then the file's modification time is used, with a
     * warning).
     */
    public Profile placedAt(Instant jvmStartHint) {
        return new GcLogAssembly(file, log, sizeBytes, jvmStartHint, modified).profile();
    }
}
