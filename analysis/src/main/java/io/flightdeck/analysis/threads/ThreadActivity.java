package io.flightdeck.analysis.threads;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.ThreadTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each thread did in a selection: CPU samples and the time it spent blocked on monitors, parked, waiting,
 * sleeping and in socket or file I/O (only operations above the recording's thresholds are recorded).
 */
public record ThreadActivity(String thread, long cpuSamples, double cpuPercent, long blockedNanos, long parkedNanos,
        long waitNanos, long sleepNanos, long ioNanos) {

    public long stalledNanos() {
        return blockedNanos + parkedNanos + waitNanos + sleepNanos + ioNanos;
    }

    /** One row per thread name, busiest (CPU, then time stalled) first. */
    public static List<ThreadActivity> compute(Selection selection) {
        Profile p = selection.profile();
        ThreadTable threads = p.threads();
        Map<String, long[]> byName = new HashMap<>(); // cpu, blocked, parked, wait, sleep, io
        add(selection, SampleKind.CPU, 0, byName, threads, true);
        add(selection, SampleKind.MONITOR_ENTER, 1, byName, threads, false);
        add(selection, SampleKind.THREAD_PARK, 2, byName, threads, false);
        add(selection, SampleKind.MONITOR_WAIT, 3, byName, threads, false);
        add(selection, SampleKind.THREAD_SLEEP, 4, byName, threads, false);
        for (SampleKind io : new SampleKind[]{SampleKind.SOCKET_READ, SampleKind.SOCKET_WRITE, SampleKind.FILE_READ,
                SampleKind.FILE_WRITE, SampleKind.FILE_FORCE}) {
            add(selection, io, 5, byName, threads, false);
        }
        long cpuTotal = byName.values().stream().mapToLong(v -> v[0]).sum();
        List<ThreadActivity> rows = new ArrayList<>();
        byName.forEach((name, v) -> rows.add(new ThreadActivity(name, v[0], cpuTotal == 0 ? 0 : 100.0 * v[0] / cpuTotal,
                v[1], v[2], v[3], v[4], v[5])));
        rows.sort(Comparator.comparingLong(ThreadActivity::cpuSamples).reversed()
                .thenComparing(Comparator.comparingLong(ThreadActivity::stalledNanos).reversed())
                .thenComparing(ThreadActivity::thread));
        return rows;
    }

    private static void add(Selection selection, SampleKind kind, int column, Map<String, long[]> byName,
            ThreadTable threads, boolean count) {
        SampleSet set = selection.profile().samples(kind);
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i)) {
                continue;
            }
            int t = set.thread(i);
            String name = t < 0 ? "(unknown thread)" : threads.name(t);
            byName.computeIfAbsent(name, k -> new long[6])[column] += count ? 1 : set.durationNanos(i);
        }
    }
}
