package io.flightdeck.ingest.jfr;

import io.flightdeck.model.FrameTable;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one chunk decoded to, with chunk-local ids; {@link ProfileAssembler} maps them onto the profile's ids.
 * Filled by one thread, read after that thread is done.
 */
final class ChunkData {
    /** Events of a type the handler could not take (wrong field types), by type, and the first reason. */
    final Map<String, long[]> failedCounts = new java.util.HashMap<>();
    final Map<String, String> firstFailure = new java.util.HashMap<>();
    final SymbolTable.Builder symbols = new SymbolTable.Builder();
    final MethodTable.Builder methods = new MethodTable.Builder();
    final FrameTable.Builder frames = new FrameTable.Builder();
    final StackTable.Builder stacks = new StackTable.Builder();
    final ThreadTable.Builder threads = new ThreadTable.Builder();
    final EnumMap<SampleKind, SampleSet.Builder> samples = new EnumMap<>(SampleKind.class);
    final EnumMap<SeriesKey, TimeSeries.Builder> series = new EnumMap<>(SeriesKey.class);
    final Map<String, long[]> decodedCounts = new HashMap<>();
    /** Events the chunk walk counted that could not be decoded (set after decoding). */
    long lostEvents;
    private final Map<String, String> strings;

    /**
     * @param strings shared by all chunks of one import: repeated strings (collector names, GC causes, phase
     *                names, thread names) are kept once instead of once per event
     */
    ChunkData(Map<String, String> strings) {
        this.strings = strings;
    }

    String intern(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    final Map<String, String> facts = new HashMap<>();
    final Map<String, Long> numericFacts = new HashMap<>();
    Instant jvmStartTime;
    /** The chunk was written by async-profiler (see {@link AsyncProfilerThreads}). */
    boolean asyncProfiler;

    // times are epoch nanoseconds and durations nanoseconds: there can be hundreds of thousands of these

    record Collection(long gcId, String name, String cause, long startNanos, long durationNanos,
            long sumOfPausesNanos, long longestPauseNanos) {
    }

    record HeapSummary(long gcId, boolean before, long timeNanos, long usedBytes, long committedBytes) {
    }

    record Pause(long gcId, String name, long startNanos, long durationNanos) {
    }

    record Phase(long gcId, String name, long startNanos, long durationNanos, boolean concurrent) {
    }

    record CountRow(long gcId, String origin, Instant time, String className, long instances, long bytes) {
    }

    record OldObject(Instant time, Instant allocationTime, String objectClass, int stack, int thread,
            long arrayElements, long lastKnownHeapUsage, String root) {
    }

    record Setting(Instant time, String eventType, String name, String value) {
    }

    final List<Collection> collections = new ArrayList<>();
    final List<HeapSummary> heapSummaries = new ArrayList<>();
    final List<Pause> pauses = new ArrayList<>();
    final List<Phase> phases = new ArrayList<>();
    final Map<Long, String> g1Types = new HashMap<>();
    final List<CountRow> objectCounts = new ArrayList<>();
    final List<OldObject> oldObjects = new ArrayList<>();
    final List<Setting> settings = new ArrayList<>();

    SampleSet.Builder samples(SampleKind kind) {
        return samples.computeIfAbsent(kind, SampleSet.Builder::new);
    }

    TimeSeries.Builder series(SeriesKey key) {
        return series.computeIfAbsent(key, k -> new TimeSeries.Builder(k.name(), k.unit()));
    }
}
