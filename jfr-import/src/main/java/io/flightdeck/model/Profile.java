package io.flightdeck.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Flightdeck keeps of one source after import: immutable, compact, columnar. Frames and stacks are
 * interned once ({@link MethodTable}, {@link FrameTable}, {@link StackTable}); per-event data lives in
 * primitive arrays ({@link SampleSet}); periodic values are {@link TimeSeries}. No JFR event object survives
 * the import. Views, rules and the CLI read this through the analysis module.
 */
public final class Profile {
    private final SourceInfo source;
    private final RecordingInfo info;
    private final SymbolTable symbols;
    private final MethodTable methods;
    private final FrameTable frames;
    private final StackTable stacks;
    private final ThreadTable threads;
    private final Map<SampleKind, SampleSet> samples;
    private final Map<SeriesKey, TimeSeries> series;
    private final List<GcEvent> gcEvents;
    private final List<GcPause> gcPauses;
    private final List<GcPhase> gcPhases;
    private final List<ClassHistogram> histograms;
    private final List<OldObjectSample> oldObjects;
    private final Map<String, EventTypeStats> eventStats;
    private final Map<String, Map<String, String>> eventSettings;
    private final List<Safepoint> safepoints;
    private final List<ThreadStall> stalls;
    private final List<SourceInfo> sources;
    private final SourceKind gcSource;

    public Profile(SourceInfo source, RecordingInfo info, SymbolTable symbols, MethodTable methods, FrameTable frames,
            StackTable stacks, ThreadTable threads, Map<SampleKind, SampleSet> samples,
            Map<SeriesKey, TimeSeries> series, List<GcEvent> gcEvents, List<GcPause> gcPauses,
            List<GcPhase> gcPhases, List<ClassHistogram> histograms, List<OldObjectSample> oldObjects,
            Map<String, EventTypeStats> eventStats, Map<String, Map<String, String>> eventSettings) {
        this(source, info, symbols, methods, frames, stacks, threads, samples, series, gcEvents, gcPauses, gcPhases,
                histograms, oldObjects, eventStats, eventSettings, List.of(), List.of());
    }

    public Profile(SourceInfo source, RecordingInfo info, SymbolTable symbols, MethodTable methods, FrameTable frames,
            StackTable stacks, ThreadTable threads, Map<SampleKind, SampleSet> samples,
            Map<SeriesKey, TimeSeries> series, List<GcEvent> gcEvents, List<GcPause> gcPauses,
            List<GcPhase> gcPhases, List<ClassHistogram> histograms, List<OldObjectSample> oldObjects,
            Map<String, EventTypeStats> eventStats, Map<String, Map<String, String>> eventSettings,
            List<Safepoint> safepoints, List<ThreadStall> stalls) {
        this.source = source;
        this.info = info;
        this.symbols = symbols;
        this.methods = methods;
        this.frames = frames;
        this.stacks = stacks;
        this.threads = threads;
        EnumMap<SampleKind, SampleSet> all = new EnumMap<>(SampleKind.class);
        for (SampleKind kind : SampleKind.values()) {
            all.put(kind, samples.getOrDefault(kind, SampleSet.empty(kind)));
        }
        this.samples = Collections.unmodifiableMap(all);
        EnumMap<SeriesKey, TimeSeries> allSeries = new EnumMap<>(SeriesKey.class);
        allSeries.putAll(series);
        this.series = Collections.unmodifiableMap(allSeries);
        this.gcEvents = List.copyOf(gcEvents);
        this.gcPauses = List.copyOf(gcPauses);
        this.gcPhases = List.copyOf(gcPhases);
        this.histograms = List.copyOf(histograms);
        this.oldObjects = List.copyOf(oldObjects);
        this.eventStats = Map.copyOf(eventStats);
        this.eventSettings = Map.copyOf(eventSettings);
        this.safepoints = List.copyOf(safepoints);
        this.stalls = List.copyOf(stalls);
        this.sources = List.of(source);
        this.gcSource = source.kind();
    }

    private Profile(Profile p, List<SourceInfo> sources, SourceKind gcSource) {
        this.source = p.source;
        this.info = p.info;
        this.symbols = p.symbols;
        this.methods = p.methods;
        this.frames = p.frames;
        this.stacks = p.stacks;
        this.threads = p.threads;
        this.samples = p.samples;
        this.series = p.series;
        this.gcEvents = p.gcEvents;
        this.gcPauses = p.gcPauses;
        this.gcPhases = p.gcPhases;
        this.histograms = p.histograms;
        this.oldObjects = p.oldObjects;
        this.eventStats = p.eventStats;
        this.eventSettings = p.eventSettings;
        this.safepoints = p.safepoints;
        this.stalls = p.stalls;
        this.sources = List.copyOf(sources);
        this.gcSource = gcSource;
    }

    /**
     * This profile as the combination of several files of one JVM run (a recording, its GC log, its histograms):
     * {@link #source()} stays the primary file, {@link #sources()} lists them all.
     */
    public Profile withSources(List<SourceInfo> all, SourceKind gcFrom) {
        return new Profile(this, all, gcFrom);
    }

    /** Which kind of source the GC pauses and collections come from (a recording's events or a GC log). */
    public SourceKind gcSource() {
        return gcSource;
    }

    /** The primary file: the recording when there is one. */
    public SourceInfo source() {
        return source;
    }

    /** Every file this profile was read from, the primary first. */
    public List<SourceInfo> sources() {
        return sources;
    }

    public RecordingInfo info() {
        return info;
    }

    public SymbolTable symbols() {
        return symbols;
    }

    public MethodTable methods() {
        return methods;
    }

    public FrameTable frames() {
        return frames;
    }

    public StackTable stacks() {
        return stacks;
    }

    public ThreadTable threads() {
        return threads;
    }

    /** The samples of one kind; an empty set when the source has none. */
    public SampleSet samples(SampleKind kind) {
        return samples.get(kind);
    }

    public Optional<TimeSeries> series(SeriesKey key) {
        return Optional.ofNullable(series.get(key));
    }

    /** Collections in time order. */
    public List<GcEvent> gcEvents() {
        return gcEvents;
    }

    /** Stop-the-world pauses in time order. */
    public List<GcPause> gcPauses() {
        return gcPauses;
    }

    public List<GcPhase> gcPhases() {
        return gcPhases;
    }

    /** Heap histogram snapshots in time order. */
    public List<ClassHistogram> histograms() {
        return histograms;
    }

    public List<OldObjectSample> oldObjects() {
        return oldObjects;
    }

    /** Count and bytes per event type, for every type in the source (whether Flightdeck decodes it or not). */
    public Map<String, EventTypeStats> eventStats() {
        return eventStats;
    }

    public long eventCount(String eventType) {
        EventTypeStats s = eventStats.get(eventType);
        return s == null ? 0 : s.count();
    }

    /**
     * The recording settings in effect per event type ({@code jdk.ActiveSetting}: "enabled", "period",
     * "threshold", "stackTrace", ...), last value wins.
     */
    public Map<String, Map<String, String>> eventSettings() {
        return eventSettings;
    }

    /** Times the application was stopped at a safepoint (GC or not), in time order, where the source logs them. */
    public List<Safepoint> safepoints() {
        return safepoints;
    }

    /** Threads stalled waiting for the collector, in time order. */
    public List<ThreadStall> stalls() {
        return stalls;
    }
}
