package io.flightdeck.analysis.timeline;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-interval totals of a kind of samples over the whole recording (charts show the whole timeline; the
 * selection is drawn on top of it), as a rate per second.
 *
 * @param start        start of the first bucket
 * @param bucket       width of each bucket
 * @param perSecond    the total of each bucket divided by the bucket's seconds
 */
public record Buckets(Instant start, Duration bucket, double[] perSecond) {
    /** What is summed per bucket. */
    public enum Measure { COUNT, WEIGHT, DURATION }

    public int size() {
        return perSecond.length;
    }

    public Instant bucketStart(int i) {
        return start.plus(bucket.multipliedBy(i));
    }

    /** Buckets of about {@code target} per recording (at least 100 ms wide), threads filtered by the selection. */
    public static Buckets of(Selection selection, SampleKind kind, Measure measure, int target) {
        Profile p = selection.profile();
        Instant start = p.info().start();
        Duration span = Duration.between(start, p.info().end());
        long width = Math.max(100_000_000L, Math.max(1, span.toNanos()) / Math.max(1, target));
        TimeGrid grid = TimeGrid.covering(start, span, Duration.ofNanos(width));
        double[] sums = new double[grid.size()];
        SampleSet set = p.samples(kind);
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includesThread(set.thread(i))) {
                continue;
            }
            int b = grid.indexClamped(set.timeNanos(i));
            if (b < 0) {
                continue;
            }
            sums[b] += switch (measure) {
                case COUNT -> 1;
                case WEIGHT -> set.weight(i);
                case DURATION -> set.durationNanos(i);
            };
        }
        grid.perSecond(sums);
        return new Buckets(start, Duration.ofNanos(width), sums);
    }
}
