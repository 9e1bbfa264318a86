package io.flightdeck.analysis;

import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.FrameType;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.OldObjectSample;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small hand-made profiles for unit tests of the analyses. */
public final class InMemoryProfile {
    /** The JFR event type each sample kind is read from, so event counts follow the samples added. */
    private static final Map<SampleKind, String> EVENT_TYPES = new EnumMap<>(Map.ofEntries(
            Map.entry(SampleKind.CPU, "jdk.ExecutionSample"), Map.entry(SampleKind.NATIVE, "jdk.NativeMethodSample"),
            Map.entry(SampleKind.ALLOCATION, "jdk.ObjectAllocationSample"),
            Map.entry(SampleKind.ALLOCATION_IN_NEW_TLAB, "jdk.ObjectAllocationInNewTLAB"),
            Map.entry(SampleKind.ALLOCATION_OUTSIDE_TLAB, "jdk.ObjectAllocationOutsideTLAB"),
            Map.entry(SampleKind.MONITOR_ENTER, "jdk.JavaMonitorEnter"),
            Map.entry(SampleKind.MONITOR_WAIT, "jdk.JavaMonitorWait"), Map.entry(SampleKind.THREAD_PARK, "jdk.ThreadPark"),
            Map.entry(SampleKind.THREAD_SLEEP, "jdk.ThreadSleep"), Map.entry(SampleKind.SOCKET_READ, "jdk.SocketRead"),
            Map.entry(SampleKind.SOCKET_WRITE, "jdk.SocketWrite"), Map.entry(SampleKind.FILE_READ, "jdk.FileRead"),
            Map.entry(SampleKind.FILE_WRITE, "jdk.FileWrite"), Map.entry(SampleKind.FILE_FORCE, "jdk.FileForce"),
            Map.entry(SampleKind.EXCEPTION, "jdk.JavaExceptionThrow"), Map.entry(SampleKind.ERROR, "jdk.JavaErrorThrow"),
            Map.entry(SampleKind.THREAD_START, "jdk.ThreadStart"), Map.entry(SampleKind.THREAD_END, "jdk.ThreadEnd")));

    private InMemoryProfile() {
    }

    public static Profile withPauses(Instant start, Instant end, long maxHeapBytes, List<GcPause> pauses) {
        RecordingInfo info = new RecordingInfo("2.1", start, end, 1, Optional.empty(), Optional.empty(),
                Optional.of("25.0.3"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(start),
                OptionalLong.empty(), Optional.of("G1"), Optional.empty(), Optional.empty(),
                OptionalLong.of(maxHeapBytes), OptionalLong.empty(), OptionalInt.of(2), Optional.empty(),
                Optional.empty(), OptionalLong.empty());
        return new Profile(new SourceInfo(Path.of("test.jfr"), SourceKind.JFR, "JFR 2.1", 0, List.of(), 0), info,
                new SymbolTable.Builder().build(), new MethodTable.Builder().build(), new FrameTable.Builder().build(),
                new StackTable.Builder().build(), new ThreadTable.Builder().build(), Map.of(), Map.of(), List.of(),
                pauses, List.of(), List.of(), List.of(), Map.<String, EventTypeStats>of(), Map.of());
    }

    /** A recording of {@code seconds} starting at a fixed instant, built event by event. */
    public static Builder recording(double seconds) {
        return new Builder(Instant.parse("2026-01-01T10:00:00Z"), seconds);
    }

    /**
     * Builds a profile as a JFR import would: stacks from qualified frame names (top first), threads by name,
     * samples at offsets in seconds from the start; event counts follow what was added (plus {@link #events}).
     */
    public static final class Builder {
        private final Instant start;
        private final double seconds;
        private final SymbolTable.Builder symbols = new SymbolTable.Builder();
        private final MethodTable.Builder methods = new MethodTable.Builder();
        private final FrameTable.Builder frames = new FrameTable.Builder();
        private final StackTable.Builder stacks = new StackTable.Builder();
        private final ThreadTable.Builder threads = new ThreadTable.Builder();
        private final Map<SampleKind, SampleSet.Builder> samples = new EnumMap<>(SampleKind.class);
        private final Map<SeriesKey, TimeSeries.Builder> series = new EnumMap<>(SeriesKey.class);
        private final List<GcPause> pauses = new ArrayList<>();
        private final List<OldObjectSample> oldObjects = new ArrayList<>();
        private final Map<String, Long> extraEvents = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> settings = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private long maxHeap = 1L << 30;
        private long physicalMemory = 16L << 30;
        private String jvmArguments = "-Xmx1g";
        private String javaArguments = "com.example.shop.Main";
        private long pid = 4242;
        private long threadIds = 100;

        private Builder(Instant start, double seconds) {
            this.start = start;
            this.seconds = seconds;
        }

        public int thread(String name) {
            return threads.intern(name, threadIds++, threadIds + 1000, false);
        }

        /** A stack from qualified method names ("pkg.Class.method"), the top frame first. */
        public int stack(String... qualifiedTopFirst) {
            int[] ids = new int[qualifiedTopFirst.length];
            for (int i = 0; i < ids.length; i++) {
                String q = qualifiedTopFirst[i];
                int dot = q.lastIndexOf('.');
                int method = methods.intern(q.substring(0, dot), q.substring(dot + 1), "()V");
                ids[i] = frames.intern(method, 10 + i, FrameType.JIT_COMPILED);
            }
            return stacks.intern(ids, false);
        }

        public int symbol(String value) {
            return symbols.intern(value);
        }

        private long at(double offsetSeconds) {
            Instant t = start.plusNanos(Math.round(offsetSeconds * 1e9));
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        /** One event of a kind; for kinds without a column the value is ignored. */
        public Builder sample(SampleKind kind, double atSeconds, int thread, int stack, double durationSeconds,
                long weight, int key, int aux) {
            samples.computeIfAbsent(kind, SampleSet.Builder::new)
                    .add(at(atSeconds), thread, stack, Math.round(durationSeconds * 1e9), weight, key, aux);
            return this;
        }

        /** {@code n} events spread evenly over the recording. */
        public Builder spread(SampleKind kind, int n, int thread, int stack, double durationSeconds, long weight,
                int key, int aux) {
            for (int i = 0; i < n; i++) {
                sample(kind, seconds * (i + 0.5) / n, thread, stack, durationSeconds, weight, key, aux);
            }
            return this;
        }

        public Builder cpu(int n, int thread, int stack) {
            return spread(SampleKind.CPU, n, thread, stack, 0, 1, -1, -1);
        }

        public Builder point(SeriesKey key, double atSeconds, double value) {
            series.computeIfAbsent(key, k -> new TimeSeries.Builder(k.name(), k.unit())).add(at(atSeconds), value);
            return this;
        }

        public Builder pause(double atSeconds, double durationSeconds, GcKind kind, String cause, long heapAfter) {
            pauses.add(new GcPause(pauses.size(), start.plusNanos(Math.round(atSeconds * 1e9)),
                    Duration.ofNanos(Math.round(durationSeconds * 1e9)), kind,
                    kind == GcKind.FULL ? "Pause Full" : "Pause Young", cause, OptionalLong.of(heapAfter + (64L << 20)),
                    OptionalLong.of(heapAfter), OptionalLong.of(maxHeap)));
            return this;
        }

        public Builder oldObject(double atSeconds, String objectClass, int stack, int thread) {
            Instant t = start.plusNanos(Math.round(atSeconds * 1e9));
            oldObjects.add(new OldObjectSample(start.plusSeconds((long) seconds), t, objectClass, stack, thread,
                    OptionalLong.empty(), OptionalLong.empty(), ""));
            return this;
        }

        /** Events of a type the profile only counts (jdk.CPULoad, jdk.DataLoss, jdk.ExceptionStatistics, ...). */
        public Builder events(String type, long count) {
            extraEvents.merge(type, count, Long::sum);
            return this;
        }

        public Builder setting(String type, String name, String value) {
            settings.computeIfAbsent(type, k -> new HashMap<>()).put(name, value);
            return this;
        }

        public Builder maxHeap(long bytes) {
            maxHeap = bytes;
            return this;
        }

        public Builder physicalMemory(long bytes) {
            physicalMemory = bytes;
            return this;
        }

        public Builder jvmArguments(String args) {
            jvmArguments = args;
            return this;
        }

        public Builder javaArguments(String args) {
            javaArguments = args;
            return this;
        }

        public Builder pid(long value) {
            pid = value;
            return this;
        }

        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        public Profile build() {
            RecordingInfo info = new RecordingInfo("2.1", start, start.plusNanos(Math.round(seconds * 1e9)), 1,
                    Optional.of("OpenJDK 64-Bit Server VM"), Optional.of("25.0.3+9-LTS"), Optional.of("25.0.3"),
                    Optional.of(jvmArguments), Optional.of(javaArguments), Optional.empty(), Optional.of(start),
                    OptionalLong.of(pid), Optional.of("G1"), Optional.of("G1New"), Optional.of("G1Old"),
                    OptionalLong.of(maxHeap), OptionalLong.empty(), OptionalInt.of(2), Optional.empty(),
                    Optional.of("Linux"), OptionalLong.of(physicalMemory));
            Map<SampleKind, SampleSet> built = new EnumMap<>(SampleKind.class);
            Map<String, EventTypeStats> stats = new HashMap<>();
            samples.forEach((kind, b) -> {
                built.put(kind, b.build());
                stats.put(EVENT_TYPES.get(kind), new EventTypeStats(EVENT_TYPES.get(kind), b.size(), 100L * b.size()));
            });
            if (!pauses.isEmpty()) {
                stats.put("jdk.GarbageCollection", new EventTypeStats("jdk.GarbageCollection", pauses.size(), 0));
                stats.put("jdk.GCHeapSummary", new EventTypeStats("jdk.GCHeapSummary", 2L * pauses.size(), 0));
            }
            if (!oldObjects.isEmpty()) {
                stats.put("jdk.OldObjectSample", new EventTypeStats("jdk.OldObjectSample", oldObjects.size(), 0));
            }
            stats.put("jdk.JVMInformation", new EventTypeStats("jdk.JVMInformation", 1, 0));
            extraEvents.forEach((type, n) -> stats.merge(type, new EventTypeStats(type, n, 0),
                    (a, b) -> new EventTypeStats(type, a.count() + b.count(), 0)));
            Map<SeriesKey, TimeSeries> builtSeries = new EnumMap<>(SeriesKey.class);
            series.forEach((k, b) -> builtSeries.put(k, b.build()));
            return new Profile(new SourceInfo(Path.of("in-memory.jfr"), SourceKind.JFR, "JFR 2.1", 0, warnings, 0),
                    info, symbols.build(), methods.build(), frames.build(), stacks.build(), threads.build(), built,
                    builtSeries, List.of(), pauses, List.of(), List.of(), oldObjects, stats, settings);
        }
    }
}
