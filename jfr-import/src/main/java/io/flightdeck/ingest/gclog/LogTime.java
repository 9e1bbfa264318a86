package io.flightdeck.ingest.gclog;

import java.time.Instant;

/**
 * When a GC log line says something happened: seconds since JVM start and/or the wall clock, as far as the log's
 * decorations (or time stamps, in legacy logs) tell.
 *
 * @param uptimeSeconds seconds since JVM start, or NaN when the line has no uptime
 * @param wallClock     the wall-clock time, or null when the line has none
 */
record LogTime(double uptimeSeconds, Instant wallClock) {
    static final LogTime UNKNOWN = new LogTime(Double.NaN, null);

    boolean hasUptime() {
        return !Double.isNaN(uptimeSeconds);
    }

    boolean isKnown() {
        return hasUptime() || wallClock != null;
    }

    /** This time moved back by {@code seconds} (a line logged at the end of a pause, moved to its start). */
    LogTime minus(double seconds) {
        long nanos = Math.round(seconds * 1e9);
        return new LogTime(hasUptime() ? uptimeSeconds - seconds : Double.NaN,
                wallClock == null ? null : wallClock.minusNanos(nanos));
    }

    /** This time moved forward by {@code seconds}. */
    LogTime plus(double seconds) {
        return minus(-seconds);
    }
}
