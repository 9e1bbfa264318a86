package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.DetectedFormat;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.GcPhase;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.Safepoint;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadStall;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a HotSpot GC log — unified ({@code -Xlog:gc*}, JDK 9+) or legacy ({@code -XX:+PrintGCDetails}, JDK 8 and
 * older), plain or gzip-compressed, one file or a rotated series — into a {@link Profile} of
 * {@link SourceKind#GC_LOG}: its pauses, collections, concurrent phases, safepoints and heap figures.
 * <p>
 * Logs count time from JVM start. The profile places that on the wall clock from the log's own time stamps when
 * it has them, else from the JVM start of a recording of the same run (the {@code jvmStartHint}), else from the
 * file's modification time — with a warning saying so.
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
        List<String> notes = new ArrayList<>();
        Parts parts = withRotatedParts(named, namedFormats, notes);
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
        GcLogContent log = merge(contents);
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
        return new Assembly(files.getFirst(), log, size, jvmStartHint, lastModified(files)).profile();
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

    private static final java.util.regex.Pattern ROTATION_SUFFIX =
            java.util.regex.Pattern.compile("^(.*?)\\.(\\d+)(\\.current)?$");

    /**
     * Adds the rotated parts of each log that lie beside it and were not named: {@code gc.log} brings
     * {@code gc.log.0}, {@code gc.log.1}, ... (JDK 9+) and {@code gc.log.2.current} (JDK 8). Parts of another JVM run
     * are left out later, when their JVM start differs.
     */
    static Parts withRotatedParts(List<Path> files, List<DetectedFormat> formats, List<String> notes) {
        List<Path> all = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (seen.add(f.toAbsolutePath().normalize())) {
                all.add(f);
            }
        }
        List<DetectedFormat> allFormats = new ArrayList<>(formats);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null) {
                continue;
            }
            String name = file.getFileName().toString();
            java.util.regex.Matcher m = ROTATION_SUFFIX.matcher(name);
            String base = m.matches() ? m.group(1) : name;
            List<Path> candidates = new ArrayList<>();
            try (var list = Files.list(dir)) {
                list.forEach(candidate -> {
                    String n = candidate.getFileName().toString();
                    java.util.regex.Matcher c = ROTATION_SUFFIX.matcher(n);
                    if (n.equals(base) || c.matches() && c.group(1).equals(base)) {
                        candidates.add(candidate);
                    }
                });
            } catch (IOException e) {
                continue;
            }
            candidates.sort(Comparator.comparing(Path::toString));
            for (Path candidate : candidates) {
                Path key = candidate.toAbsolutePath().normalize();
                if (seen.contains(key) || !Files.isRegularFile(candidate)) {
                    continue;
                }
                try {
                    DetectedFormat f = io.flightdeck.ingest.FormatDetector.detect(candidate);
                    if (f.kind() == SourceKind.GC_LOG && f.format().equals(formats.get(i).format())) {
                        seen.add(key);
                        all.add(candidate);
                        allFormats.add(f);
                        added.add(candidate.getFileName().toString());
                    }
                } catch (ImportException e) {
                    // not a log of ours: leave it
                }
            }
        }
        if (!added.isEmpty()) {
            notes.add("Read together with its rotated parts " + String.join(", ", added) + ".");
        }
        return new Parts(all, allFormats);
    }

    /** Log files with their detected formats, in the same order. */
    record Parts(List<Path> files, List<DetectedFormat> formats) {
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

    /** Joins the contents of several files of one log; legacy collection numbers are kept apart per file. */
    private static GcLogContent merge(List<GcLogContent> contents) {
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
            java.util.function.Function<T, String> key) {
        for (T t : from) {
            if (seen.add(key.apply(t))) {
                into.add(t);
            }
        }
    }

    /** Places one log's records on the wall clock and builds the profile. */
    private static final class Assembly {
        private final Path file;
        private final GcLogContent log;
        private final long size;
        private final List<String> warnings;
        private final Instant origin;
        private final boolean originKnown;

        Assembly(Path file, GcLogContent log, long size, Instant jvmStartHint, Instant modified) {
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
        private void fromCycles() {
            Map<Long, LogRecords.Cycle> cycles = new java.util.HashMap<>();
            for (LogRecords.Cycle c : log.cycles) {
                if (c.gcId() >= 0 && (c.heapAfter() >= 0 || !c.cause().isEmpty())) {
                    cycles.put(c.gcId(), c);
                }
            }
            if (cycles.isEmpty()) {
                return;
            }
            Map<Long, int[]> firstLast = new java.util.HashMap<>();
            for (int i = 0; i < log.pauses.size(); i++) {
                LogRecords.Pause p = log.pauses.get(i);
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
                    LogRecords.Pause p = log.pauses.get(i);
                    anyHeap |= p.gcId() == c.gcId() && (p.heapBefore() >= 0 || p.heapAfter() >= 0);
                }
                for (int i = e.getValue()[0]; i <= e.getValue()[1]; i++) {
                    LogRecords.Pause p = log.pauses.get(i);
                    if (p.gcId() != c.gcId()) {
                        continue;
                    }
                    long before = !anyHeap && i == e.getValue()[0] ? c.heapBefore() : p.heapBefore();
                    long after = !anyHeap && i == e.getValue()[1] ? c.heapAfter() : p.heapAfter();
                    long committed = !anyHeap && i == e.getValue()[1] ? c.heapCommitted() : p.heapCommitted();
                    String cause = p.cause().isEmpty() ? c.cause() : p.cause();
                    log.pauses.set(i, new LogRecords.Pause(p.gcId(), p.start(), p.seconds(), p.kind(), p.name(),
                            cause, before, after, committed, p.flags()));
                }
            }
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
            fromCycles();
            List<GcPause> pauses = new ArrayList<>(log.pauses.size());
            for (LogRecords.Pause p : log.pauses) {
                String name = p.flags().isEmpty() ? p.name() : log.intern(p.name() + " (" + p.flags() + ")");
                pauses.add(new GcPause(p.gcId(), at(p.start()), seconds(p.seconds()), p.kind(), name, p.cause(),
                        size(p.heapBefore()), size(p.heapAfter()), size(p.heapCommitted())));
            }
            log.pauses.clear(); // what follows needs only the profile's pauses
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
                    new StackTable.Builder().build(), new ThreadTable.Builder().build(), Map.of(), series(pauses),
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

        /** Heap used before/after each pause, committed heap, allocation rate, promotion and old-generation figures. */
        private Map<SeriesKey, TimeSeries> series(List<GcPause> pauses) {
            Map<SeriesKey, TimeSeries.Builder> b = new EnumMap<>(SeriesKey.class);
            Long previousAfter = null;
            Instant previousEnd = null;
            for (GcPause p : pauses) {
                long startNanos = nanos(p.start());
                long endNanos = nanos(p.start().plus(p.duration()));
                if (p.heapBeforeBytes().isPresent()) {
                    add(b, SeriesKey.HEAP_USED, startNanos, p.heapBeforeBytes().getAsLong());
                    if (previousAfter != null && previousEnd != null && p.start().isAfter(previousEnd)) {
                        double secs = Duration.between(previousEnd, p.start()).toNanos() / 1e9;
                        long grown = p.heapBeforeBytes().getAsLong() - previousAfter;
                        if (grown >= 0 && secs > 0) {
                            add(b, SeriesKey.ALLOCATION_RATE, startNanos, grown / secs);
                        }
                    }
                }
                if (p.heapAfterBytes().isPresent()) {
                    add(b, SeriesKey.HEAP_USED, endNanos, p.heapAfterBytes().getAsLong());
                    previousAfter = p.heapAfterBytes().getAsLong();
                    previousEnd = p.start().plus(p.duration());
                }
                p.heapCommittedBytes().ifPresent(c -> add(b, SeriesKey.HEAP_COMMITTED, endNanos, c));
            }
            promotion(pauses, b);
            Map<SeriesKey, TimeSeries> result = new EnumMap<>(SeriesKey.class);
            b.forEach((k, v) -> result.put(k, v.build()));
            return result;
        }

        /**
         * Promotion per young collection: the old generation's growth where the log prints it per generation, else
         * what left the young generation minus what left the heap.
         */
        private void promotion(List<GcPause> pauses, Map<SeriesKey, TimeSeries.Builder> b) {
            if (log.spaces.isEmpty()) {
                return;
            }
            // per GC id: {young, old}
            Map<Long, LogRecords.Space[]> spaces = new java.util.HashMap<>();
            for (LogRecords.Space s : log.spaces) {
                LogRecords.Space[] pair = spaces.computeIfAbsent(s.gcId(), k -> new LogRecords.Space[2]);
                switch (s.space()) {
                    case "Old", "Tenured", "ParOldGen", "PSOldGen", "CMS", "ASCMS" -> pair[1] = s;
                    default -> pair[0] = s;
                }
            }
            for (GcPause p : pauses) {
                LogRecords.Space[] pair = spaces.get(p.gcId());
                if (pair == null) {
                    continue;
                }
                long endNanos = nanos(p.start().plus(p.duration()));
                LogRecords.Space old = pair[1];
                LogRecords.Space young = pair[0];
                if (old != null) {
                    add(b, SeriesKey.OLD_AFTER_GC, endNanos, old.after());
                }
                if (p.kind() != GcKind.YOUNG && p.kind() != GcKind.MIXED) {
                    continue;
                }
                long promoted = -1;
                if (old != null && p.kind() == GcKind.YOUNG) {
                    promoted = old.after() - old.before();
                } else if (young != null && p.heapBeforeBytes().isPresent() && p.heapAfterBytes().isPresent()) {
                    promoted = (young.before() - young.after())
                            - (p.heapBeforeBytes().getAsLong() - p.heapAfterBytes().getAsLong());
                }
                if (promoted >= 0) {
                    add(b, SeriesKey.PROMOTED_BYTES, endNanos, promoted);
                }
            }
        }

        private static void add(Map<SeriesKey, TimeSeries.Builder> b, SeriesKey key, long nanos, double value) {
            b.computeIfAbsent(key, k -> new TimeSeries.Builder(k.name(), k.unit())).add(nanos, value);
        }

        private static long nanos(Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        private static Duration seconds(double s) {
            return Duration.ofNanos(Math.round(s * 1e9));
        }

        private static OptionalLong size(long bytes) {
            return bytes >= 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
        }
    }
}
