package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The time series a GC log gives, from its pauses once they are on the wall clock and its per-generation figures. */
final class GcLogSeries {
    private GcLogSeries() {
    }

    /** Heap used before/after each pause, committed heap, allocation rate, promotion and old-generation figures. */
    static Map<SeriesKey, TimeSeries> of(List<GcPause> pauses, List<LogRecords.Space> spaces) {
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
        promotion(pauses, spaces, b);
        Map<SeriesKey, TimeSeries> result = new EnumMap<>(SeriesKey.class);
        b.forEach((k, v) -> result.put(k, v.build()));
        return result;
    }

    /**
     * Promotion per young collection: the old generation's growth where the log prints it per generation, else
     * what left the young generation minus what left the heap.
     */
    private static void promotion(List<GcPause> pauses, List<LogRecords.Space> logged,
            Map<SeriesKey, TimeSeries.Builder> b) {
        if (logged.isEmpty()) {
            return;
        }
        // per GC id: {young, old}
        Map<Long, LogRecords.Space[]> spaces = new java.util.HashMap<>();
        for (LogRecords.Space s : logged) {
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
}
