package io.flightdeck.ingest.jfr;

import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.HistogramRow;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.OldObjectSample;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the per-chunk results, in chunk order, into one {@link Profile}: chunk-local ids are mapped onto the
 * profile's interned tables, columns are appended, GC events are joined across chunks.
 */
final class ProfileAssembler {
    private static final Pattern JRE_VERSION = Pattern.compile("JRE \\(([^)]+)\\)");
    private static final Pattern VM_VERSION = Pattern.compile("\\((\\d[^)\\s]*)\\)");
    private static final Pattern BARE_VERSION = Pattern.compile("(\\d+(?:[.+_-][\\w.+-]*)?)");

    /** One decoded chunk with what the import knows about it. */
    record DecodedChunk(ChunkData data, long startNanos, long endNanos, int chunks) {
    }

    private final SymbolTable.Builder symbols = new SymbolTable.Builder();
    private final MethodTable.Builder methods = new MethodTable.Builder();
    private final FrameTable.Builder frames = new FrameTable.Builder();
    private final StackTable.Builder stacks = new StackTable.Builder();
    private final ThreadTable.Builder threads = new ThreadTable.Builder();
    private final EnumMap<SampleKind, SampleSet.Builder> samples = new EnumMap<>(SampleKind.class);
    private final EnumMap<SeriesKey, TimeSeries.Builder> series = new EnumMap<>(SeriesKey.class);
    private final GcAssembler gc = new GcAssembler();
    private final List<ChunkData.CountRow> objectCounts = new ArrayList<>();
    private final List<OldObjectSample> oldObjects = new ArrayList<>();
    private final List<ChunkData.Setting> settings = new ArrayList<>();
    private final Map<String, String> facts = new HashMap<>();
    private final Map<String, Long> numericFacts = new HashMap<>();
    private Instant jvmStartTime;
    private long startNanos = Long.MAX_VALUE;
    private long endNanos = Long.MIN_VALUE;
    private int chunks;
    private boolean asyncProfiler;

    ProfileAssembler() {
        for (SampleKind kind : SampleKind.values()) {
            samples.put(kind, new SampleSet.Builder(kind));
        }
    }

    /**
     * Adds the next chunk, in chunk order. The importer hands over each chunk as soon as it is decoded, so the
     * chunk-local tables are dropped early and only the merged profile grows.
     */
    void add(DecodedChunk chunk) {
        ChunkData d = chunk.data();
        chunks += chunk.chunks();
        startNanos = Math.min(startNanos, chunk.startNanos());
        endNanos = Math.max(endNanos, chunk.endNanos());

        int[] symbolMap = new int[d.symbols.size()];
        for (int i = 0; i < symbolMap.length; i++) {
            symbolMap[i] = symbols.intern(d.symbols.get(i));
        }
        int[] methodMap = new int[d.methods.size()];
        for (int i = 0; i < methodMap.length; i++) {
            methodMap[i] = methods.intern(d.methods.className(i), d.methods.methodName(i), d.methods.descriptor(i));
        }
        int[] frameMap = new int[d.frames.size()];
        for (int i = 0; i < frameMap.length; i++) {
            frameMap[i] = frames.intern(methodMap[d.frames.method(i)], d.frames.line(i), d.frames.type(i));
        }
        int[] stackMap = new int[d.stacks.size()];
        for (int i = 0; i < stackMap.length; i++) {
            int depth = d.stacks.depth(i);
            int[] ids = new int[depth];
            for (int f = 0; f < depth; f++) {
                ids[f] = frameMap[d.stacks.frame(i, f)];
            }
            stackMap[i] = stacks.intern(ids, d.stacks.truncated(i));
        }
        int[] threadMap = new int[d.threads.size()];
        for (int i = 0; i < threadMap.length; i++) {
            threadMap[i] = threads.intern(d.threads.name(i), d.threads.javaThreadId(i), d.threads.osThreadId(i),
                    d.threads.isVirtual(i));
        }
        for (Map.Entry<SampleKind, SampleSet.Builder> e : d.samples.entrySet()) {
            SampleKind kind = e.getKey();
            int[] auxMap = switch (kind) {
                case MONITOR_ENTER, MONITOR_WAIT, THREAD_START -> threadMap;
                case EXCEPTION, ERROR -> symbolMap;
                default -> null;
            };
            samples.get(kind).addAll(e.getValue(), threadMap, stackMap, symbolMap, auxMap);
        }
        d.samples.clear();
        for (Map.Entry<SeriesKey, TimeSeries.Builder> e : d.series.entrySet()) {
            series.computeIfAbsent(e.getKey(), k -> new TimeSeries.Builder(k.name(), k.unit()))
                    .addAll(e.getValue().build());
        }
        gc.add(d);
        objectCounts.addAll(d.objectCounts);
        for (ChunkData.OldObject o : d.oldObjects) {
            oldObjects.add(new OldObjectSample(o.time(), o.allocationTime(), o.objectClass(),
                    o.stack() < 0 ? StackTable.NONE : stackMap[o.stack()],
                    o.thread() < 0 ? ThreadTable.NONE : threadMap[o.thread()],
                    o.arrayElements() == Integer.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(o.arrayElements()),
                    o.lastKnownHeapUsage() > 0 ? OptionalLong.of(o.lastKnownHeapUsage()) : OptionalLong.empty(),
                    o.root()));
        }
        settings.addAll(d.settings);
        asyncProfiler |= d.asyncProfiler;
        facts.putAll(d.facts);
        numericFacts.putAll(d.numericFacts);
        if (d.jvmStartTime != null) {
            jvmStartTime = d.jvmStartTime;
        }
    }

    Profile build(SourceInfo source, String formatVersion, Map<String, EventTypeStats> eventStats) {
        if (asyncProfiler && samples.get(SampleKind.CPU).size() == 0) {
            runningWallSamplesAsCpu();
        }
        EnumMap<SampleKind, SampleSet> sets = new EnumMap<>(SampleKind.class);
        samples.forEach((k, b) -> sets.put(k, b.build()));
        EnumMap<SeriesKey, TimeSeries> built = new EnumMap<>(SeriesKey.class);
        series.forEach((k, b) -> built.put(k, b.build()));
        List<GcEvent> gcEvents = gc.events();
        TimeSeries allocationRate = allocationRate(gcEvents);
        if (allocationRate.size() > 0) {
            built.put(SeriesKey.ALLOCATION_RATE, allocationRate);
        }
        return new Profile(source, info(formatVersion, gcEvents), symbols.build(), methods.build(), frames.build(),
                stacks.build(), threads.build(), sets, built, gcEvents, gc.pauses(), gc.phases(), histograms(),
                oldObjects, eventStats, settingsByType());
    }

    /**
     * async-profiler in wall mode (4.x) writes no jdk.ExecutionSample, only wall-clock samples with the thread's OS
     * state; the running ones are where the CPU time went, one CPU sample per tick.
     */
    private void runningWallSamplesAsCpu() {
        SampleSet wall = samples.get(SampleKind.WALL).build();
        SampleSet.Builder cpu = samples.get(SampleKind.CPU);
        for (int i = 0; i < wall.size(); i++) {
            String state = wall.key(i) < 0 ? null : symbols.get(wall.key(i));
            if (state != null && SampleHandlers.isRunning(state)) {
                for (long tick = 0; tick < wall.weight(i); tick++) {
                    cpu.add(wall.timeNanos(i), wall.thread(i), wall.stack(i), 0, 1, -1, -1);
                }
            }
        }
    }

    /** Heap growth between consecutive collections that report heap sizes, per second. */
    static TimeSeries allocationRate(List<GcEvent> events) {
        TimeSeries.Builder rate = new TimeSeries.Builder(SeriesKey.ALLOCATION_RATE.name(), SeriesKey.ALLOCATION_RATE.unit());
        GcEvent previous = null;
        for (GcEvent e : events) {
            if (e.heapBeforeBytes().isEmpty() || e.heapAfterBytes().isEmpty()) {
                continue;
            }
            if (previous != null) {
                double seconds = java.time.Duration.between(previous.start(), e.start()).toNanos() / 1e9;
                if (seconds > 0) {
                    long grown = Math.max(0, e.heapBeforeBytes().getAsLong() - previous.heapAfterBytes().getAsLong());
                    rate.add(ChunkCollector.nanos(e.start()), grown / seconds);
                }
            }
            previous = e;
        }
        return rate.build();
    }

    private RecordingInfo info(String formatVersion, List<GcEvent> gcEvents) {
        Instant start = chunks == 0 ? Instant.EPOCH : instant(startNanos);
        Instant end = chunks == 0 ? Instant.EPOCH : instant(endNanos);
        String jvmVersion = facts.get("jvmVersion");
        String young = facts.get("youngCollector");
        String old = facts.get("oldCollector");
        Optional<String> family = young == null && old == null ? inferFamily(gcEvents)
                : Optional.of(GcAssembler.family(young, old));
        OptionalInt cpus = OptionalInt.empty();
        Long hw = numericFacts.get("hwThreads");
        if (hw != null && hw > 0) {
            cpus = OptionalInt.of(hw.intValue());
        }
        Long effective = numericFacts.get("effectiveCpuCount");
        if (effective != null && effective > 0 && (cpus.isEmpty() || effective < cpus.getAsInt())) {
            cpus = OptionalInt.of(effective.intValue());
        }
        return new RecordingInfo(formatVersion, start, end, chunks, opt("jvmName"), Optional.ofNullable(jvmVersion),
                javaVersion(jvmVersion), opt("jvmArguments"), opt("javaArguments"), opt("jvmFlags"),
                Optional.ofNullable(jvmStartTime), optLong("pid"), family, Optional.ofNullable(young),
                Optional.ofNullable(old), optLong("maxSize"), optLong("initialSize"), cpus,
                Optional.ofNullable(facts.get("cpu")).or(() -> opt("description")), opt("osVersion"),
                optLong("totalSize"));
    }

    private static Optional<String> inferFamily(List<GcEvent> gcEvents) {
        for (GcEvent e : gcEvents) {
            String f = GcAssembler.family(e.collector(), e.collector());
            if (!f.isEmpty()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static Optional<String> javaVersion(String jvmVersion) {
        if (jvmVersion == null) {
            return Optional.empty();
        }
        Matcher m = JRE_VERSION.matcher(jvmVersion);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        m = VM_VERSION.matcher(jvmVersion);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        // async-profiler writes the bare runtime version ("25.0.3+9-LTS", "1.8.0_392-b08")
        m = BARE_VERSION.matcher(jvmVersion.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Optional<String> opt(String key) {
        String v = facts.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private OptionalLong optLong(String key) {
        Long v = numericFacts.get(key);
        return v == null || v <= 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private List<ClassHistogram> histograms() {
        Map<String, List<ChunkData.CountRow>> groups = new LinkedHashMap<>();
        for (ChunkData.CountRow r : objectCounts) {
            groups.computeIfAbsent(r.origin() + "#" + r.gcId(), k -> new ArrayList<>()).add(r);
        }
        List<ClassHistogram> result = new ArrayList<>();
        for (List<ChunkData.CountRow> rows : groups.values()) {
            Instant time = rows.stream().map(ChunkData.CountRow::time).min(Comparator.naturalOrder()).orElseThrow();
            List<HistogramRow> list = new ArrayList<>();
            for (ChunkData.CountRow r : rows) {
                list.add(new HistogramRow(r.className(), r.instances(), r.bytes()));
            }
            list.sort(Comparator.comparingLong(HistogramRow::bytes).reversed().thenComparing(HistogramRow::className));
            result.add(new ClassHistogram(time, rows.getFirst().origin(), list));
        }
        result.sort(Comparator.comparing(ClassHistogram::time));
        return result;
    }

    private Map<String, Map<String, String>> settingsByType() {
        settings.sort(Comparator.comparing(ChunkData.Setting::time));
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (ChunkData.Setting s : settings) {
            if (s.name() != null && s.value() != null) {
                result.computeIfAbsent(s.eventType(), k -> new TreeMap<>()).put(s.name(), s.value());
            }
        }
        if (asyncProfiler) {
            samplingPeriod(result);
        }
        result.replaceAll((k, v) -> Map.copyOf(v));
        return result;
    }

    /** async-profiler's engines whose sampling interval is a time in nanoseconds (others count events). */
    private static final java.util.Set<String> TIMED_ENGINES = java.util.Set.of("cpu", "itimer", "ctimer", "wall");

    /**
     * async-profiler gives the CPU sampling interval as "interval" (nanoseconds for its timed engines) where the
     * JVM's recorder gives "period"; the period is added in the JVM's form so sample counts convert to time.
     */
    static void samplingPeriod(Map<String, Map<String, String>> settings) {
        Map<String, String> exec = settings.get(JfrTypes.EXECUTION_SAMPLE);
        if (exec == null || exec.containsKey("period") || !exec.containsKey("interval")) {
            return;
        }
        String event = null;
        for (Map<String, String> s : settings.values()) {
            if (s.get("event") != null) {
                event = s.get("event");
            }
        }
        boolean timed = event == null;
        if (event != null) {
            for (String e : event.split("[,\\s]+")) {
                timed |= TIMED_ENGINES.contains(e.strip());
            }
        }
        try {
            long nanos = Long.parseLong(exec.get("interval").strip());
            if (timed && nanos > 0) {
                Map<String, String> withPeriod = new TreeMap<>(exec);
                withPeriod.put("period", nanos % 1_000_000 == 0 ? nanos / 1_000_000 + " ms" : nanos + " ns");
                settings.put(JfrTypes.EXECUTION_SAMPLE, withPeriod);
            }
        } catch (NumberFormatException notNanos) {
            // an interval with a unit or of an event counter: not a period
        }
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
