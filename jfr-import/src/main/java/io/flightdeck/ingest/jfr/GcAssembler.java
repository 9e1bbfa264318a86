package io.flightdeck.ingest.jfr;

import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.GcPhase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Joins the JFR GC events of all chunks by GC id: {@code jdk.GarbageCollection} (collector, cause, pause totals),
 * {@code jdk.GCHeapSummary} (heap before and after), {@code jdk.GCPhasePause} (each stop-the-world pause) and
 * {@code jdk.G1GarbageCollection} (young / mixed), into collections and pauses in time order.
 */
final class GcAssembler {
    /**
     * By GC id. Usually one collection per id, but generational Shenandoah records an old cycle and the young
     * collection that bootstraps it under one id, as two events.
     */
    private final Map<Long, List<ChunkData.Collection>> collections = new HashMap<>();
    private final Map<Long, ChunkData.HeapSummary> before = new HashMap<>();
    private final Map<Long, ChunkData.HeapSummary> after = new HashMap<>();
    private final Map<Long, String> g1Types = new HashMap<>();
    private final List<ChunkData.Pause> pauses = new ArrayList<>();
    private final List<ChunkData.Phase> phases = new ArrayList<>();

    void add(ChunkData chunk) {
        for (ChunkData.Collection c : chunk.collections) {
            List<ChunkData.Collection> same = collections.computeIfAbsent(c.gcId(), k -> new ArrayList<>());
            if (!same.contains(c)) {
                same.add(c);
            }
        }
        for (ChunkData.HeapSummary h : chunk.heapSummaries) {
            (h.before() ? before : after).put(h.gcId(), h);
        }
        g1Types.putAll(chunk.g1Types);
        pauses.addAll(chunk.pauses);
        phases.addAll(chunk.phases);
    }

    private List<ChunkData.Collection> all() {
        List<ChunkData.Collection> all = new ArrayList<>();
        collections.values().forEach(all::addAll);
        return all;
    }

    /** The earliest collection of a GC id, or null. */
    private ChunkData.Collection first(long gcId) {
        List<ChunkData.Collection> same = collections.get(gcId);
        if (same == null) {
            return null;
        }
        ChunkData.Collection first = same.getFirst();
        for (ChunkData.Collection c : same) {
            if (c.startNanos() < first.startNanos()) {
                first = c;
            }
        }
        return first;
    }

    List<GcEvent> events() {
        List<GcEvent> result = new ArrayList<>();
        for (ChunkData.Collection c : all()) {
            result.add(new GcEvent(c.gcId(), nullToEmpty(c.name()), kindOf(c.name(), g1Types.get(c.gcId()), ""),
                    nullToEmpty(c.cause()), instant(c.startNanos()), Duration.ofNanos(c.durationNanos()),
                    Duration.ofNanos(c.sumOfPausesNanos()), Duration.ofNanos(c.longestPauseNanos()),
                    used(before.get(c.gcId())), used(after.get(c.gcId())), committed(after.get(c.gcId()))));
        }
        result.sort(Comparator.comparing(GcEvent::start).thenComparingLong(GcEvent::gcId));
        return result;
    }

    /**
     * One entry per stop-the-world pause: the {@code jdk.GCPhasePause} events, or — for collections that have
     * none (the setting was off) — one pause of the collection's {@code sumOfPauses}.
     */
    List<GcPause> pauses() {
        Map<Long, List<ChunkData.Pause>> byGc = new HashMap<>();
        for (ChunkData.Pause p : pauses) {
            byGc.computeIfAbsent(p.gcId(), k -> new ArrayList<>()).add(p);
        }
        List<GcPause> result = new ArrayList<>();
        Set<Long> covered = new HashSet<>();
        for (Map.Entry<Long, List<ChunkData.Pause>> e : byGc.entrySet()) {
            long gcId = e.getKey();
            List<ChunkData.Pause> list = e.getValue();
            list.sort(Comparator.comparingLong(ChunkData.Pause::startNanos));
            ChunkData.Collection c = first(gcId);
            String collector = c == null ? "" : c.name();
            String cause = c == null ? "" : nullToEmpty(c.cause());
            for (int i = 0; i < list.size(); i++) {
                ChunkData.Pause p = list.get(i);
                boolean first = i == 0;
                boolean last = i == list.size() - 1;
                result.add(new GcPause(gcId, instant(p.startNanos()), Duration.ofNanos(p.durationNanos()),
                        kindOf(collector, g1Types.get(gcId), p.name()),
                        nullToEmpty(p.name()), cause, first ? used(before.get(gcId)) : OptionalLong.empty(),
                        last ? used(after.get(gcId)) : OptionalLong.empty(),
                        last ? committed(after.get(gcId)) : OptionalLong.empty()));
            }
            covered.add(gcId);
        }
        for (ChunkData.Collection c : all()) {
            if (!covered.contains(c.gcId()) && c.sumOfPausesNanos() > 0) {
                result.add(new GcPause(c.gcId(), instant(c.startNanos()), Duration.ofNanos(c.sumOfPausesNanos()),
                        kindOf(c.name(), g1Types.get(c.gcId()), ""),
                        nullToEmpty(c.name()), nullToEmpty(c.cause()), used(before.get(c.gcId())),
                        used(after.get(c.gcId())), committed(after.get(c.gcId()))));
            }
        }
        result.sort(Comparator.comparing(GcPause::start).thenComparingLong(GcPause::gcId));
        return result;
    }

    List<GcPhase> phases() {
        List<GcPhase> result = new ArrayList<>();
        for (ChunkData.Phase p : phases) {
            result.add(new GcPhase(p.gcId(), nullToEmpty(p.name()), instant(p.startNanos()),
                    Duration.ofNanos(p.durationNanos()), p.concurrent()));
        }
        result.sort(Comparator.comparing(GcPhase::start));
        return result;
    }

    /** What a pause was, from the collector name, G1's collection type and the pause's own name. */
    static GcKind kindOf(String collector, String g1Type, String pauseName) {
        String c = collector == null ? "" : collector.toLowerCase(Locale.ROOT);
        String p = pauseName == null ? "" : pauseName.toLowerCase(Locale.ROOT);
        if (p.contains("remark")) {
            return GcKind.REMARK;
        }
        if (p.contains("cleanup")) {
            return GcKind.CLEANUP;
        }
        if (p.contains("initial mark") || p.contains("init mark") && c.contains("concurrentmarksweep")) {
            return GcKind.INITIAL_MARK;
        }
        if (p.contains("degenerated")) {
            return GcKind.DEGENERATED;
        }
        if (p.contains("full") || c.contains("full") || c.equals("serialold") || c.equals("parallelold")
                || c.equals("psmarksweep") || c.equals("marksweepcompact")) {
            return GcKind.FULL;
        }
        if (c.startsWith("z") || c.contains("shenandoah")) {
            return GcKind.CONCURRENT_CYCLE_PAUSE;
        }
        if (c.equals("g1new")) {
            return g1Type != null && g1Type.equalsIgnoreCase("Mixed") ? GcKind.MIXED : GcKind.YOUNG;
        }
        if (c.equals("defnew") || c.equals("parallelscavenge") || c.equals("parnew") || c.equals("psyounggen")) {
            return GcKind.YOUNG;
        }
        return GcKind.OTHER;
    }

    /** The collector family the CLI names: G1, Parallel, Serial, ZGC, Shenandoah, CMS. */
    static String family(String youngCollector, String oldCollector) {
        String y = youngCollector == null ? "" : youngCollector;
        String o = oldCollector == null ? "" : oldCollector;
        if (y.startsWith("G1") || o.startsWith("G1")) {
            return "G1";
        }
        if (y.equals("ParallelScavenge") || o.equals("ParallelOld") || o.equals("PSMarkSweep")) {
            return "Parallel";
        }
        if (y.equals("DefNew") && o.equals("SerialOld")) {
            return "Serial";
        }
        if (o.equals("ConcurrentMarkSweep") || y.equals("ParNew")) {
            return "CMS";
        }
        if (y.startsWith("Z") || o.startsWith("Z")) {
            return "ZGC";
        }
        if (y.contains("Shenandoah") || o.contains("Shenandoah")) {
            return "Shenandoah";
        }
        if (y.equals("DefNew") || o.equals("SerialOld")) {
            return "Serial";
        }
        return y.isEmpty() ? o : y;
    }

    private static OptionalLong used(ChunkData.HeapSummary h) {
        return h == null ? OptionalLong.empty() : OptionalLong.of(h.usedBytes());
    }

    private static OptionalLong committed(ChunkData.HeapSummary h) {
        return h == null || h.committedBytes() < 0 ? OptionalLong.empty() : OptionalLong.of(h.committedBytes());
    }

    private static java.time.Instant instant(long epochNanos) {
        return ProfileAssembler.instant(epochNanos);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
