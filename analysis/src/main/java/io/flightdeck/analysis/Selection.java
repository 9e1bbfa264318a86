package io.flightdeck.analysis;

import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.ThreadTable;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;

/**
 * The part of a profile an analysis looks at: a time range and a thread filter. Every metric is a function of a
 * selection, so the GUI's range and thread choices and the CLI's {@code --from/--to/--thread} give the same
 * numbers.
 */
public final class Selection {
    private final Profile profile;
    private final TimeRange range;
    private final ThreadFilter threadFilter;
    private final BitSet threads;
    private final Instant start;
    private final Instant end;

    public Selection(Profile profile, TimeRange range, ThreadFilter threadFilter) {
        this.profile = profile;
        this.range = range;
        this.threadFilter = threadFilter;
        ThreadTable table = profile.threads();
        this.threads = new BitSet(table.size());
        for (int i = 0; i < table.size(); i++) {
            if (threadFilter.accepts(table.name(i))) {
                threads.set(i);
            }
        }
        TimeRange clamped = range.clampTo(profile.info().start(), profile.info().end());
        this.start = clamped.from();
        this.end = clamped.to();
    }

    public static Selection all(Profile profile) {
        return new Selection(profile, TimeRange.ALL, ThreadFilter.ALL);
    }

    public Profile profile() {
        return profile;
    }

    public TimeRange range() {
        return range;
    }

    public ThreadFilter threadFilter() {
        return threadFilter;
    }

    /** Start of the selected time (the recording's start when the range is open there). */
    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public double durationSeconds() {
        return duration().toNanos() / 1e9;
    }

    /** True when sample {@code i} of {@code set} starts in the range and its thread passes the filter. */
    public boolean includes(SampleSet set, int i) {
        if (!range.contains(set.timeNanos(i))) {
            return false;
        }
        if (threadFilter.isAll()) {
            return true;
        }
        int t = set.thread(i);
        return t >= 0 && threads.get(t);
    }

    /**
     * True for events without a thread (GC, periodic statistics) when the time is in the selected range and in the
     * profile's time span (a GC log read with a recording may reach beyond the recording).
     */
    public boolean includesTime(Instant t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }

    public boolean includesTime(long epochNanos) {
        return includesTime(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    public boolean includesThread(int thread) {
        return threadFilter.isAll() || thread >= 0 && threads.get(thread);
    }
}
