package io.flightdeck.analysis.gc;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcPhase;
import io.flightdeck.model.Profile;
import io.flightdeck.model.Safepoint;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.ThreadStall;
import io.flightdeck.model.TimeSeries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the collector did beside its pauses, over a selection: concurrent cycles and phases, time at safepoints
 * (GC or not), threads stalled for memory, and promotion into the old generation.
 *
 * @param concurrentCycles          collections with concurrent work (G1 marking cycles, ZGC/Shenandoah cycles, CMS
 *                                  cycles) whose duration is known
 * @param concurrentCycleSeconds    their durations, in time order
 * @param concurrentPhases          per concurrent phase name: count, total seconds, longest seconds
 * @param safepointCount            safepoints in the selection (where the source logs them)
 * @param safepointSeconds          total time application threads were stopped at them
 * @param safepointMaxSeconds       the longest one
 * @param stallCount                thread stalls (ZGC allocation/relocation stalls)
 * @param stallSeconds              their total duration
 * @param promotedBytes             bytes promoted to the old generation by young collections (-1 when unknown)
 * @param promotionRateBytesPerSecond promoted bytes per second of the selection (NaN when unknown)
 */
public record GcActivity(int concurrentCycles, double[] concurrentCycleSeconds, Map<String, double[]> concurrentPhases,
        long safepointCount, double safepointSeconds, double safepointMaxSeconds, long stallCount,
        double stallSeconds, long promotedBytes, double promotionRateBytesPerSecond) {

    public static GcActivity compute(Selection selection) {
        Profile profile = selection.profile();
        List<Double> cycles = new ArrayList<>();
        java.util.Set<Long> withConcurrentWork = new java.util.HashSet<>();
        Map<String, double[]> phases = new TreeMap<>();
        for (GcPhase p : profile.gcPhases()) {
            if (!p.concurrent() || !selection.includesTime(p.start())) {
                continue;
            }
            withConcurrentWork.add(p.gcId());
            double[] v = phases.computeIfAbsent(p.name(), k -> new double[3]);
            double secs = seconds(p.duration());
            v[0]++;
            v[1] += secs;
            v[2] = Math.max(v[2], secs);
        }
        for (GcEvent e : profile.gcEvents()) {
            if (!selection.includesTime(e.start()) || e.duration().isZero()) {
                continue;
            }
            boolean concurrent = withConcurrentWork.contains(e.gcId())
                    || e.duration().compareTo(e.sumOfPauses()) > 0 && e.sumOfPauses().compareTo(Duration.ZERO) >= 0
                    && isConcurrentCollector(e.collector());
            if (concurrent) {
                cycles.add(seconds(e.duration()));
            }
        }
        long safepoints = 0;
        double safepointSeconds = 0;
        double safepointMax = 0;
        for (Safepoint s : profile.safepoints()) {
            if (selection.includesTime(s.start())) {
                safepoints++;
                double secs = seconds(s.duration());
                safepointSeconds += secs;
                safepointMax = Math.max(safepointMax, secs);
            }
        }
        long stalls = 0;
        double stallSeconds = 0;
        for (ThreadStall s : profile.stalls()) {
            if (selection.includesTime(s.start())) {
                stalls++;
                stallSeconds += seconds(s.duration());
            }
        }
        long promoted = -1;
        TimeSeries promotion = profile.series(SeriesKey.PROMOTED_BYTES).orElse(null);
        if (promotion != null) {
            promoted = 0;
            for (int i = 0; i < promotion.size(); i++) {
                if (selection.includesTime(promotion.timeNanos(i))) {
                    promoted += (long) promotion.value(i);
                }
            }
        }
        double span = selection.durationSeconds();
        double rate = promoted < 0 || span <= 0 ? Double.NaN : promoted / span;
        return new GcActivity(cycles.size(), cycles.stream().mapToDouble(Double::doubleValue).toArray(), phases,
                safepoints, safepointSeconds, safepointMax, stalls, stallSeconds, promoted, rate);
    }

    private static boolean isConcurrentCollector(String collector) {
        String c = collector.toLowerCase(java.util.Locale.ROOT);
        return c.contains("old") || c.contains("concurrent") || c.contains("cycle") || c.contains("zgc")
                || c.contains("shenandoah") || c.contains("collection") || c.contains("cms");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
