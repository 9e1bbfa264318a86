package io.flightdeck.analysis.gc;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.Statistics;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GC pause statistics over a selection.
 *
 * @param pauses                   the stop-the-world pauses that start in the selection, in time order
 * @param throughputPercent        share of the selected time the application was not paused by GC; NaN when the
 *                                 source has pauses but no time stamps
 * @param allocationRateBytesPerSecond heap growth between collections per second (before of one GC minus after
 *                                 of the previous), or NaN when fewer than two collections report heap sizes
 * @param heapAfterGcMaxBytes      largest heap occupancy right after a GC, or -1 when unknown
 * @param heapAfterGcSlopeBytesPerSecond least-squares trend of heap-after-GC over time (0 with fewer than 3 points)
 */
public record GcStatistics(List<GcPause> pauses, long pauseCount, long fullPauseCount, Duration pauseTotal,
        Duration pauseMax, Duration p50, Duration p95, Duration p99, double throughputPercent,
        double allocationRateBytesPerSecond, long heapAfterGcMaxBytes, double heapAfterGcSlopeBytesPerSecond,
        int heapAfterGcPoints) {

    public static GcStatistics compute(Selection selection) {
        Profile profile = selection.profile();
        List<GcPause> pauses = new ArrayList<>();
        for (GcPause p : profile.gcPauses()) {
            if (selection.includesTime(p.start())) {
                pauses.add(p);
            }
        }
        long full = pauses.stream().filter(p -> p.kind() == GcKind.FULL).count();
        double[] seconds = new double[pauses.size()];
        Duration total = Duration.ZERO;
        Duration max = Duration.ZERO;
        for (int i = 0; i < seconds.length; i++) {
            Duration d = pauses.get(i).duration();
            seconds[i] = d.toNanos() / 1e9;
            total = total.plus(d);
            if (d.compareTo(max) > 0) {
                max = d;
            }
        }
        double span = selection.durationSeconds();
        // a source without time stamps (some old GC logs) has pauses but no span: throughput is unknowable
        double throughput = span <= 0 ? (pauses.isEmpty() ? 100 : Double.NaN)
                : Math.max(0, 100.0 * (1 - total.toNanos() / 1e9 / span));

        // heap after GC: one point per collection (the last pause of a GC carries the after value)
        List<double[]> after = new ArrayList<>();
        List<double[]> before = new ArrayList<>();
        Instant origin = selection.start();
        for (GcPause p : pauses) {
            double t = Duration.between(origin, p.start().plus(p.duration())).toNanos() / 1e9;
            p.heapAfterBytes().ifPresent(b -> after.add(new double[]{t, b}));
            double tb = Duration.between(origin, p.start()).toNanos() / 1e9;
            p.heapBeforeBytes().ifPresent(b -> before.add(new double[]{tb, b}));
        }
        long afterMax = after.stream().mapToLong(a -> (long) a[1]).max().orElse(-1);
        double slope = 0;
        if (after.size() >= 3) {
            slope = Statistics.slope(after.stream().mapToDouble(a -> a[0]).toArray(),
                    after.stream().mapToDouble(a -> a[1]).toArray());
        }
        return new GcStatistics(List.copyOf(pauses), pauses.size(), full, total, max, seconds(seconds, 50),
                seconds(seconds, 95), seconds(seconds, 99), throughput, allocationRate(pauses), afterMax, slope,
                after.size());
    }

    /**
     * Bytes allocated between consecutive collections: heap before a GC minus heap after the previous one, over
     * the time between the first after and the last before.
     */
    private static double allocationRate(List<GcPause> pauses) {
        long allocated = 0;
        Instant firstAfter = null;
        Instant lastBefore = null;
        Long previousAfter = null;
        int intervals = 0;
        for (GcPause p : pauses) {
            if (p.heapBeforeBytes().isPresent() && previousAfter != null) {
                allocated += Math.max(0, p.heapBeforeBytes().getAsLong() - previousAfter);
                lastBefore = p.start();
                intervals++;
            }
            if (p.heapAfterBytes().isPresent()) {
                previousAfter = p.heapAfterBytes().getAsLong();
                if (firstAfter == null) {
                    firstAfter = p.start().plus(p.duration());
                }
            }
        }
        if (intervals == 0 || firstAfter == null || lastBefore == null || !lastBefore.isAfter(firstAfter)) {
            return Double.NaN;
        }
        return allocated / (Duration.between(firstAfter, lastBefore).toNanos() / 1e9);
    }

    private static Duration seconds(double[] values, double p) {
        return Duration.ofNanos(Math.round(Statistics.percentile(values, p) * 1e9));
    }
}
