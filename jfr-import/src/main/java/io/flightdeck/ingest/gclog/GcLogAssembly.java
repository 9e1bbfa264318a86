package io.flightdeck.ingest.gclog;

import static io.flightdeck.ingest.gclog.GcLogContent.seconds;

import io.flightdeck.model.FrameTable;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.GcPhase;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.Safepoint;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadStall;
import io.flightdeck.model.ThreadTable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Places one log's records on the wall clock and builds the profile. It reads the log's content and changes nothing
 * in it, so one parsed log can be placed again on a better JVM start (see {@link ParsedGcLog}).
 */
final class GcLogAssembly {
    private final Path file;
    private final GcLogContent log;
    private final long size;
    private final List<String> warnings;
    private final Instant origin;
    private final boolean originKnown;

    GcLogAssembly(Path file, GcLogContent log, long size, Instant jvmStartHint, Instant modified) {
        this.file = file;
        this.log = log;
        this.size = size;
        this.warnings = new ArrayList<>(log.warnings);
        if (log.jvmStart != null) {
            origin = log.jvmStart;
            originKnown = true;
        } else if (jvmStartHint != null) {
            origin = jvmStartHint;
            originKnown = true;
        } else if (!Double.isNaN(log.maxUptime)) {
            origin = modified.minusNanos(Math.round(log.maxUptime * 1e9));
            originKnown = false;
            warnings.add("The log has no wall-clock time stamps: its times are placed as if the JVM started at "
                    + origin + " (the file's modification time minus the last uptime). Open it together with a "
                    + "recording of the same run to align them exactly.");
        } else if (log.minWall != null) {
            origin = null;
            originKnown = false;
        } else {
            origin = modified;
            originKnown = false;
            if (log.recordCount() > 0) {
                warnings.add("The log has no time stamps: pause counts and durations are exact, but throughput, "
                        + "rates and trends cannot be computed.");
            }
        }
        if (log.skippedLines > 0) {
            warnings.add(log.skippedLines + " of " + log.lines + " lines were not understood and were skipped"
                    + " (first: " + (log.skippedSamples.isEmpty() ? "?" : log.skippedSamples.getFirst()) + ").");
        }
    }

    /**
     * ZGC logs its heap figures and causes once per collection ("Major Collection (Warmup) 32M(12%)->38M(15%)"),
     * not per pause: the collection's first pause gets the heap before, its last pause the heap after, and each
     * pause without a cause the collection's, so heap after GC, allocation rate and causes have their figures.
     */
    private List<LogRecords.Pause> withCycleFigures() {
        Map<Long, LogRecords.Cycle> cycles = new java.util.HashMap<>();
        for (LogRecords.Cycle c : log.cycles) {
            if (c.gcId() >= 0 && (c.heapAfter() >= 0 || !c.cause().isEmpty())) {
                cycles.put(c.gcId(), c);
            }
        }
        if (cycles.isEmpty()) {
            return log.pauses;
        }
        List<LogRecords.Pause> pauses = new ArrayList<>(log.pauses);
        Map<Long, int[]> firstLast = new java.util.HashMap<>();
        for (int i = 0; i < pauses.size(); i++) {
            LogRecords.Pause p = pauses.get(i);
            if (cycles.containsKey(p.gcId())) {
                int[] fl = firstLast.computeIfAbsent(p.gcId(), k -> new int[]{-1, -1});
                if (fl[0] < 0) {
                    fl[0] = i;
                }
                fl[1] = i;
            }
        }
        for (Map.Entry<Long, int[]> e : firstLast.entrySet()) {
            LogRecords.Cycle c = cycles.get(e.getKey());
            boolean anyHeap = false;
            for (int i = e.getValue()[0]; i <= e.getValue()[1]; i++) {
                LogRecords.Pause p = pauses.get(i);
                anyHeap |= p.gcId() == c.gcId() && (p.heapBefore() >= 0 || p.heapAfter() >= 0);
            }
            for (int i = e.getValue()[0]; i <= e.getValue()[1]; i++) {
                LogRecords.Pause p = pauses.get(i);
                if (p.gcId() != c.gcId()) {
                    continue;
                }
                long before = !anyHeap && i == e.getValue()[0] ? c.heapBefore() : p.heapBefore();
                long after = !anyHeap && i == e.getValue()[1] ? c.heapAfter() : p.heapAfter();
                long committed = !anyHeap && i == e.getValue()[1] ? c.heapCommitted() : p.heapCommitted();
                String cause = p.cause().isEmpty() ? c.cause() : p.cause();
                pauses.set(i, new LogRecords.Pause(p.gcId(), p.start(), p.seconds(), p.kind(), p.name(),
                        cause, before, after, committed, p.flags()));
            }
        }
        return pauses;
    }

    Instant at(LogTime t) {
        if (t.hasUptime() && origin != null) {
            return origin.plusNanos(Math.round(t.uptimeSeconds() * 1e9));
        }
        if (t.wallClock() != null) {
            return t.wallClock();
        }
        return origin != null ? origin : Instant.EPOCH;
    }

    Profile profile() {
        List<LogRecords.Pause> logged = withCycleFigures();
        List<GcPause> pauses = new ArrayList<>(logged.size());
        for (LogRecords.Pause p : logged) {
            String name = p.flags().isEmpty() ? p.name() : log.intern(p.name() + " (" + p.flags() + ")");
            pauses.add(new GcPause(p.gcId(), at(p.start()), seconds(p.seconds()), p.kind(), name, p.cause(),
                    size(p.heapBefore()), size(p.heapAfter()), size(p.heapCommitted())));
        }
        pauses.sort(Comparator.comparing(GcPause::start).thenComparingLong(GcPause::gcId));
        List<GcPhase> phases = new ArrayList<>();
        for (LogRecords.Phase p : log.phases) {
            phases.add(new GcPhase(p.gcId(), p.name(), at(p.start()), seconds(p.seconds()), true));
        }
        phases.sort(Comparator.comparing(GcPhase::start));
        List<Safepoint> safepoints = new ArrayList<>();
        for (LogRecords.Safepoint s : log.safepoints) {
            safepoints.add(new Safepoint(at(s.start()), seconds(s.seconds()), s.operation()));
        }
        safepoints.sort(Comparator.comparing(Safepoint::start));
        List<ThreadStall> stalls = new ArrayList<>();
        for (LogRecords.Stall s : log.stalls) {
            Instant end = at(s.end());
            stalls.add(new ThreadStall(end.minus(seconds(s.seconds())), seconds(s.seconds()), s.what(), s.thread()));
        }
        stalls.sort(Comparator.comparing(ThreadStall::start));

        Instant start = at(new LogTime(log.minUptime, log.minWall));
        Instant end = at(new LogTime(log.maxUptime, log.maxWall));
        if (Double.isNaN(log.minUptime) && log.minWall == null) {
            start = origin;
            end = origin;
        }
        if (end.isBefore(start)) {
            end = start;
        }
        SourceInfo source = new SourceInfo(file, SourceKind.GC_LOG, log.format, size, warnings, log.skippedLines,
                log.lines, log.skippedSamples);
        return new Profile(source, info(start, end), new SymbolTable.Builder().build(),
                new MethodTable.Builder().build(), new FrameTable.Builder().build(),
                new StackTable.Builder().build(), new ThreadTable.Builder().build(), Map.of(), GcLogSeries.of(pauses, log.spaces),
                events(pauses), pauses, phases, List.of(), List.of(), Map.of(), Map.of(), safepoints, stalls);
    }

    private RecordingInfo info(Instant start, Instant end) {
        Optional<String> javaVersion = Optional.ofNullable(log.jvmVersion);
        return new RecordingInfo(log.format, start, end, 0, Optional.empty(), javaVersion, javaVersion,
                Optional.ofNullable(log.commandLine), Optional.empty(), Optional.empty(),
                origin != null && (originKnown || !Double.isNaN(log.maxUptime)) ? Optional.of(origin) : Optional.empty(),
                OptionalLong.empty(), Optional.ofNullable(log.collector), Optional.empty(), Optional.empty(),
                size(log.maxHeapBytes), size(log.initialHeapBytes),
                log.cpus > 0 ? OptionalInt.of(log.cpus) : OptionalInt.empty(), Optional.empty(), Optional.empty(),
                size(log.physicalMemoryBytes));
    }

    /**
     * One collection per GC id: its pauses (a G1 young pause; a concurrent cycle's remark and cleanup; ZGC's
     * three pauses) and its cycle summary line; cycles without pauses (ZGC at -Xlog:gc) too.
     */
    private List<GcEvent> events(List<GcPause> pauses) {
        if ("legacy".equals(log.format) && log.cycles.isEmpty()) {
            // legacy logs number each pause on its own: one collection per pause
            String collector = log.collector == null ? "" : log.collector;
            List<GcEvent> events = new ArrayList<>(pauses.size());
            for (GcPause p : pauses) {
                events.add(new GcEvent(p.gcId(), log.intern(collector + " " + p.kind().label()), p.kind(), p.cause(),
                        p.start(), p.duration(), p.duration(), p.duration(), p.heapBeforeBytes(),
                        p.heapAfterBytes(), p.heapCommittedBytes()));
            }
            return events;
        }
        Map<Long, List<GcPause>> byId = new LinkedHashMap<>();
        for (GcPause p : pauses) {
            byId.computeIfAbsent(p.gcId(), k -> new ArrayList<>()).add(p);
        }
        Map<Long, LogRecords.Cycle> cycles = new TreeMap<>();
        for (LogRecords.Cycle c : log.cycles) {
            cycles.put(c.gcId(), c);
        }
        List<GcEvent> events = new ArrayList<>();
        String collector = log.collector == null ? "" : log.collector;
        for (Map.Entry<Long, List<GcPause>> e : byId.entrySet()) {
            List<GcPause> list = e.getValue();
            LogRecords.Cycle cycle = cycles.remove(e.getKey());
            GcKind kind = strongest(list);
            Instant first = list.getFirst().start();
            GcPause last = list.getLast();
            Duration sum = Duration.ZERO;
            Duration longest = Duration.ZERO;
            String cause = "";
            for (GcPause p : list) {
                sum = sum.plus(p.duration());
                if (p.duration().compareTo(longest) > 0) {
                    longest = p.duration();
                }
                if (cause.isEmpty()) {
                    cause = p.cause();
                }
            }
            Instant start = first;
            Duration duration = Duration.between(first, last.start().plus(last.duration()));
            OptionalLong before = list.getFirst().heapBeforeBytes();
            OptionalLong after = last.heapAfterBytes();
            OptionalLong committed = last.heapCommittedBytes();
            String name = collector + " " + kind.label();
            if (cycle != null) {
                Instant cycleStart = at(cycle.start());
                if (cycleStart.isBefore(start)) {
                    start = cycleStart;
                }
                if (!Double.isNaN(cycle.seconds())) {
                    duration = seconds(cycle.seconds());
                }
                if (cause.isEmpty()) {
                    cause = cycle.cause();
                }
                name = collector + " " + cycle.name();
                if (cycle.heapAfter() >= 0) {
                    before = size(cycle.heapBefore());
                    after = size(cycle.heapAfter());
                }
            }
            events.add(new GcEvent(e.getKey(), name, kind, cause, start, duration, sum, longest, before, after,
                    committed));
        }
        for (LogRecords.Cycle c : cycles.values()) {
            events.add(new GcEvent(c.gcId(), collector + " " + c.name(), GcKind.CONCURRENT_CYCLE_PAUSE, c.cause(),
                    at(c.start()), Double.isNaN(c.seconds()) ? Duration.ZERO : seconds(c.seconds()),
                    Duration.ZERO, Duration.ZERO, size(c.heapBefore()), size(c.heapAfter()),
                    size(c.heapCommitted())));
        }
        events.sort(Comparator.comparing(GcEvent::start).thenComparingLong(GcEvent::gcId));
        return events;
    }

    private static GcKind strongest(List<GcPause> pauses) {
        GcKind[] order = {GcKind.FULL, GcKind.DEGENERATED, GcKind.MIXED, GcKind.YOUNG, GcKind.INITIAL_MARK,
                GcKind.REMARK, GcKind.CLEANUP, GcKind.CONCURRENT_CYCLE_PAUSE, GcKind.OTHER};
        for (GcKind k : order) {
            for (GcPause p : pauses) {
                if (p.kind() == k) {
                    return k;
                }
            }
        }
        return GcKind.OTHER;
    }


    private static OptionalLong size(long bytes) {
        return bytes >= 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
    }
}
