package io.flightdeck.analysis.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Equal intervals laid over a span of time: the one bucketing of the charts ({@link Buckets}) and of compare's
 * per-interval observations. Times are epoch nanoseconds, as the model's sample sets hold them.
 *
 * @param originNanos start of the first interval
 * @param widthNanos  width of every interval
 * @param size        how many intervals
 */
public record TimeGrid(long originNanos, long widthNanos, int size) {

    public TimeGrid {
        if (widthNanos <= 0 || size <= 0) {
            throw new IllegalArgumentException("a time grid needs a positive width and at least one interval");
        }
    }

    /** Intervals of {@code width} from {@code origin} that cover {@code span}, the last one possibly in part. */
    public static TimeGrid covering(Instant origin, Duration span, Duration width) {
        long w = Math.max(1, width.toNanos());
        long s = Math.max(1, span.toNanos());
        return new TimeGrid(nanos(origin), w, (int) Math.max(1, (s + w - 1) / w));
    }

    public static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    public double widthSeconds() {
        return widthNanos / 1e9;
    }

    public Instant start(int i) {
        long t = originNanos + widthNanos * i;
        return Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L));
    }

    /** The interval holding a time, or -1 before the first or after the last. */
    public int index(long timeNanos) {
        long offset = timeNanos - originNanos;
        if (offset < 0) {
            return -1;
        }
        long k = offset / widthNanos;
        return k < size ? (int) k : -1;
    }

    /** The interval holding a time, times after the last falling into the last; -1 before the first. */
    public int indexClamped(long timeNanos) {
        long offset = timeNanos - originNanos;
        return offset < 0 ? -1 : (int) Math.min(size - 1, offset / widthNanos);
    }

    /**
     * Adds {@code amount} to the intervals that [start, start + length) overlaps, in proportion to the overlap
     * (all of it to the start's interval when the length is zero).
     */
    public void spread(double[] values, long startNanos, long lengthNanos, double amount) {
        if (lengthNanos <= 0) {
            int k = index(startNanos);
            if (k >= 0) {
                values[k] += amount;
            }
            return;
        }
        double from = (startNanos - originNanos) / (double) widthNanos;
        double to = from + lengthNanos / (double) widthNanos;
        int first = (int) Math.floor(from);
        int last = (int) Math.floor(to);
        for (int k = Math.max(0, first); k <= Math.min(size - 1, last); k++) {
            double overlap = Math.min(to, k + 1) - Math.max(from, k);
            if (overlap > 0) {
                values[k] += amount * overlap / (to - from);
            }
        }
    }

    /** Divides each interval's total by the interval's seconds: totals become rates per second. */
    public void perSecond(double[] totals) {
        double seconds = widthSeconds();
        for (int i = 0; i < totals.length; i++) {
            totals[i] /= seconds;
        }
    }
}
