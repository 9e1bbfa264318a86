package io.flightdeck.ingest.gclog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything read from one GC log (or one rotated series): the records, the facts about the JVM the log states,
 * and the bookkeeping of lines that were not understood. Filled by a parser and completed by
 * {@link GcLogImporter#parse}; {@link GcLogAssembly} then reads it, once for each JVM start the log is placed on,
 * and changes none of it (it only interns more strings).
 */
final class GcLogContent {
    static final int SKIPPED_SAMPLES = 20;

    final List<LogRecords.Pause> pauses = new ArrayList<>();
    final List<LogRecords.Phase> phases = new ArrayList<>();
    final List<LogRecords.Cycle> cycles = new ArrayList<>();
    final List<LogRecords.Safepoint> safepoints = new ArrayList<>();
    final List<LogRecords.Stall> stalls = new ArrayList<>();
    final List<LogRecords.Space> spaces = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> skippedSamples = new ArrayList<>();

    String format = "";
    String fileName = "";
    /** The file's first line that is not blank (shortened), for messages about a log that yielded nothing. */
    String firstLine = "";
    String collector;
    /** The collector was guessed from a name two collectors share (a stronger clue may replace it). */
    boolean collectorGuessed;
    String jvmVersion;
    String commandLine;
    int cpus = -1;
    long maxHeapBytes = -1;
    long initialHeapBytes = -1;
    long physicalMemoryBytes = -1;

    long lines;
    long skippedLines;
    /** Unified lines of other tags than gc and safepoint (-Xlog:all, -Xlog:stringdedup, ...): passed over. */
    long otherTagLines;

    double minUptime = Double.NaN;
    double maxUptime = Double.NaN;
    Instant minWall;
    Instant maxWall;
    /** JVM start, from the first line that carries both an uptime and a wall-clock time. */
    Instant jvmStart;

    private final java.util.Map<String, String> strings = new java.util.HashMap<>();

    /** One copy of each repeated string (pause names, causes, phase names): a long log repeats a few dozen. */
    String intern(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** The generations whose sizes promotion is computed from; other spaces (metaspace, eden, ...) are not kept. */
    static boolean isGeneration(String space) {
        return switch (space) {
            case "Old", "Tenured", "ParOldGen", "PSOldGen", "CMS", "ASCMS", "DefNew", "ParNew", "PSYoungGen",
                 "ASParNew" -> true;
            default -> false;
        };
    }

    void skip(long lineNumber, String line) {
        skippedLines++;
        if (skippedSamples.size() < SKIPPED_SAMPLES) {
            String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
            skippedSamples.add(lineNumber + ": " + shown);
        }
    }

    /** Widens the time span the log covers. */
    void seen(LogTime t) {
        if (t.hasUptime()) {
            double u = t.uptimeSeconds();
            if (Double.isNaN(minUptime) || u < minUptime) {
                minUptime = u;
            }
            if (Double.isNaN(maxUptime) || u > maxUptime) {
                maxUptime = u;
            }
        }
        Instant w = t.wallClock();
        if (w != null) {
            if (minWall == null || w.isBefore(minWall)) {
                minWall = w;
            }
            if (maxWall == null || w.isAfter(maxWall)) {
                maxWall = w;
            }
            if (jvmStart == null && t.hasUptime()) {
                jvmStart = w.minusNanos(Math.round(t.uptimeSeconds() * 1e9));
            }
        }
    }

    boolean hasTime() {
        return !Double.isNaN(minUptime) || minWall != null;
    }

    void setCollectorIfUnknown(String name) {
        inferCollector(name, true);
    }

    /**
     * Names the collector from a clue in the log: a strong clue (a name only that collector writes) fills an unknown
     * collector or replaces a guess; a weak one (a name two collectors share) only fills an unknown one.
     */
    void inferCollector(String name, boolean strong) {
        if (name == null) {
            return;
        }
        if (collector == null) {
            collector = name;
            collectorGuessed = !strong;
        } else if (collectorGuessed && strong) {
            collector = name;
            collectorGuessed = false;
        }
    }

    /** True while the collector is unknown or only guessed: clues are still worth looking for. */
    boolean collectorOpen() {
        return collector == null || collectorGuessed;
    }

    /** True when the log told something about the JVM (collector, version, heap, flags), records or not. */
    boolean hasFacts() {
        return collector != null || jvmVersion != null || commandLine != null || maxHeapBytes > 0
                || initialHeapBytes > 0;
    }

    long recordCount() {
        return pauses.size() + phases.size() + cycles.size() + safepoints.size() + stalls.size();
    }

    static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
