package io.flightdeck.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * A closed-open interval of wall-clock time [from, to); either end may be open (null). Events are in the range
 * when they start in it.
 */
public record TimeRange(Instant from, Instant to) {
    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    public boolean contains(long epochNanos) {
        return (from == null || epochNanos >= nanos(from)) && (to == null || epochNanos < nanos(to));
    }

    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    /** This range cut to [start, end]. */
    public TimeRange clampTo(Instant start, Instant end) {
        Instant f = from == null || from.isBefore(start) ? start : from;
        Instant t = to == null || to.isAfter(end) ? end : to;
        if (t.isBefore(f)) {
            t = f;
        }
        return new TimeRange(f, t);
    }

    public Duration length() {
        if (from == null || to == null) {
            throw new IllegalStateException("an open range has no length");
        }
        return Duration.between(from, to);
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
