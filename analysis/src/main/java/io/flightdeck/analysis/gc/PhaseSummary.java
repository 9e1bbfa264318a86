package io.flightdeck.analysis.gc;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.GcPhase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GC phases by name (pause sub-phases and concurrent phases): how often, how long in total, at most. */
public record PhaseSummary(String name, boolean concurrent, long count, Duration total, Duration max) {

    public Duration average() {
        return count == 0 ? Duration.ZERO : total.dividedBy(count);
    }

    /** Longest in total first. */
    public static List<PhaseSummary> of(Selection selection) {
        Map<String, long[]> byName = new LinkedHashMap<>(); // count, total, max, concurrent
        for (GcPhase p : selection.profile().gcPhases()) {
            if (!selection.includesTime(p.start())) {
                continue;
            }
            long[] v = byName.computeIfAbsent(p.name() + (p.concurrent() ? "\u0000c" : ""), k -> new long[4]);
            long nanos = p.duration().toNanos();
            v[0]++;
            v[1] += nanos;
            v[2] = Math.max(v[2], nanos);
            v[3] = p.concurrent() ? 1 : 0;
        }
        List<PhaseSummary> rows = new ArrayList<>();
        byName.forEach((key, v) -> rows.add(new PhaseSummary(key.replace("\u0000c", ""), v[3] == 1, v[0],
                Duration.ofNanos(v[1]), Duration.ofNanos(v[2]))));
        rows.sort(Comparator.comparing(PhaseSummary::total).reversed());
        return rows;
    }
}
