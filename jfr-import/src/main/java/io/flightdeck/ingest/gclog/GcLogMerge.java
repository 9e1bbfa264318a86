package io.flightdeck.ingest.gclog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Joins what was read from the files of one log (a rotated series) into one {@link GcLogContent}. */
final class GcLogMerge {
    private GcLogMerge() {
    }

    /** Joins the contents of several files of one log; legacy collection numbers are kept apart per file. */
    static GcLogContent merge(List<GcLogContent> contents) {
        if (contents.size() == 1) {
            return contents.getFirst();
        }
        GcLogContent first = contents.getFirst();
        GcLogContent all = new GcLogContent();
        List<GcLogContent> sameRun = new ArrayList<>();
        for (GcLogContent c : contents) {
            if (c != first && c.jvmStart != null && first.jvmStart != null
                    && Math.abs(Duration.between(c.jvmStart, first.jvmStart).toMillis()) > 1_000) {
                all.warnings.add(c.fileName + " was left out: it is the log of another JVM run (started "
                        + c.jvmStart + ", not " + first.jvmStart + ").");
            } else {
                sameRun.add(c);
            }
        }
        contents = sameRun;
        contents.sort(Comparator.comparingDouble(c -> Double.isNaN(c.minUptime) ? 0 : c.minUptime));
        long idOffset = 0;
        Set<String> seen = new HashSet<>();
        for (GcLogContent c : contents) {
            boolean legacy = "legacy".equals(c.format);
            long maxId = -1;
            for (LogRecords.Pause p : c.pauses) {
                long id = legacy ? p.gcId() + idOffset : p.gcId();
                maxId = Math.max(maxId, id);
                String key = p.start().uptimeSeconds() + "|" + p.start().wallClock() + "|" + p.seconds() + "|" + p.name();
                if (seen.add(key)) {
                    all.pauses.add(new LogRecords.Pause(id, p.start(), p.seconds(), p.kind(), p.name(), p.cause(),
                            p.heapBefore(), p.heapAfter(), p.heapCommitted(), p.flags()));
                }
            }
            for (LogRecords.Space s : c.spaces) {
                all.spaces.add(new LogRecords.Space(legacy ? s.gcId() + idOffset : s.gcId(), s.space(), s.before(),
                        s.after(), s.committed()));
            }
            if (legacy) {
                idOffset = maxId + 1;
            }
            addUnique(all.phases, c.phases, seen, p -> "phase|" + p.start() + "|" + p.name() + "|" + p.seconds());
            addUnique(all.cycles, c.cycles, seen, p -> "cycle|" + p.start() + "|" + p.gcId() + "|" + p.seconds());
            addUnique(all.safepoints, c.safepoints, seen, p -> "sp|" + p.start() + "|" + p.seconds());
            addUnique(all.stalls, c.stalls, seen, p -> "stall|" + p.end() + "|" + p.thread() + "|" + p.seconds());
            all.warnings.addAll(c.warnings);
            for (String s : c.skippedSamples) {
                if (all.skippedSamples.size() < GcLogContent.SKIPPED_SAMPLES) {
                    all.skippedSamples.add(s);
                }
            }
            all.format = c.format;
            all.collector = all.collector != null ? all.collector : c.collector;
            all.jvmVersion = all.jvmVersion != null ? all.jvmVersion : c.jvmVersion;
            all.commandLine = all.commandLine != null ? all.commandLine : c.commandLine;
            all.cpus = all.cpus > 0 ? all.cpus : c.cpus;
            all.maxHeapBytes = all.maxHeapBytes > 0 ? all.maxHeapBytes : c.maxHeapBytes;
            all.initialHeapBytes = all.initialHeapBytes > 0 ? all.initialHeapBytes : c.initialHeapBytes;
            all.physicalMemoryBytes = all.physicalMemoryBytes > 0 ? all.physicalMemoryBytes : c.physicalMemoryBytes;
            all.lines += c.lines;
            all.skippedLines += c.skippedLines;
            if (!Double.isNaN(c.minUptime)) {
                all.seen(new LogTime(c.minUptime, null));
                all.seen(new LogTime(c.maxUptime, null));
            }
            if (c.minWall != null) {
                all.seen(new LogTime(Double.NaN, c.minWall));
                all.seen(new LogTime(Double.NaN, c.maxWall));
            }
            if (all.jvmStart == null) {
                all.jvmStart = c.jvmStart;
            }
        }
        return all;
    }

    private static <T> void addUnique(List<T> into, List<T> from, Set<String> seen,
            Function<T, String> key) {
        for (T t : from) {
            if (seen.add(key.apply(t))) {
                into.add(t);
            }
        }
    }
}
