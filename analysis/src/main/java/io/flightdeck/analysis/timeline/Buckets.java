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
        long spanNanos = Math.max(1, Duration.between(start, p.info().end()).toNanos());
        long width = Math.max(100_000_000L, spanNanos / Math.max(1, target));
        int n = (int) Math.max(1, (spanNanos + width - 1) / width);
        double[] sums = new double[n];
        SampleSet set = p.samples(kind);
        long origin = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includesThread(set.thread(i))) {
                continue;
            }
            long offset = set.timeNanos(i) - origin;
            if (offset < 0) {
                continue;
            }
            int b = (int) Math.min(n - 1, offset / width);
            sums[b] += switch (measure) {
                case COUNT -> 1;
                case WEIGHT -> set.weight(i);
                case DURATION -> set.durationNanos(i);
            };
        }
        double seconds = width / 1e9;
        for (int i = 0; i < n; i++) {
            sums[i] /= seconds;
        }
        return new Buckets(start, Duration.ofNanos(width), sums);
    }
}
