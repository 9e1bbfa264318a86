package io.flightdeck.ingest;

import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.TimeSeries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines the files of one JVM run — a recording, its GC log, its class histograms — into one profile on one time
 * axis. The primary file (the recording when there is one) gives the time range, the threads and the samples. GC
 * pauses and collections come from exactly one source, so nothing is counted twice: the recording's GC events when
 * it has them, else the GC log's. The log's safepoints and stalls, and every histogram snapshot, are added.
 */
final class ProfileMerger {
    private ProfileMerger() {
    }

    /**
     * @param primary    the recording, or the GC log / histogram when there is no recording
     * @param gcLog      the GC log of the run (already aligned on the recording's JVM start), or null
     * @param histograms class histogram profiles of the run, in any order
     */
    static Profile merge(Profile primary, Profile gcLog, List<Profile> histograms) {
        if (gcLog == null && histograms.isEmpty()) {
            return primary;
        }
        boolean gcFromLog = gcLog != null && gcLog != primary && primary.gcPauses().isEmpty()
                && primary.gcEvents().isEmpty();
        Profile gc = gcFromLog ? gcLog : primary;

        Map<SeriesKey, TimeSeries> series = new EnumMap<>(SeriesKey.class);
        for (SeriesKey key : SeriesKey.values()) {
            primary.series(key).ifPresent(s -> series.put(key, s));
        }
        if (gcLog != null && gcLog != primary) {
            for (SeriesKey key : SeriesKey.values()) {
                boolean gcSeries = key == SeriesKey.HEAP_USED || key == SeriesKey.HEAP_COMMITTED
                        || key == SeriesKey.ALLOCATION_RATE;
                if (gcSeries && !gcFromLog) {
                    continue;
                }
                if (!series.containsKey(key)) {
                    gcLog.series(key).ifPresent(s -> series.put(key, s));
                }
            }
        }

        List<ClassHistogram> snapshots = new ArrayList<>(primary.histograms());
        List<SourceInfo> sources = new ArrayList<>(primary.sources());
        if (gcLog != null && gcLog != primary) {
            sources.addAll(gcLog.sources());
        }
        for (Profile h : histograms) {
            if (h != primary) {
                snapshots.addAll(h.histograms());
                sources.addAll(h.sources());
            }
        }
        snapshots.sort(Comparator.comparing(ClassHistogram::time));

        Profile log = gcLog != null ? gcLog : primary;
        RecordingInfo info = fill(primary.info(), gcLog == null ? null : gcLog.info());
        Profile merged = new Profile(primary.source(), info, primary.symbols(), primary.methods(), primary.frames(),
                primary.stacks(), primary.threads(), samples(primary), series, gc.gcEvents(), gc.gcPauses(),
                gc.gcPhases(), snapshots, primary.oldObjects(), primary.eventStats(), primary.eventSettings(),
                log.safepoints(), log.stalls());
        return merged.withSources(sources, gc.source().kind() == SourceKind.JFR || !gcFromLog
                ? primary.source().kind() : SourceKind.GC_LOG);
    }

    private static Map<io.flightdeck.model.SampleKind, io.flightdeck.model.SampleSet> samples(Profile p) {
        Map<io.flightdeck.model.SampleKind, io.flightdeck.model.SampleSet> m =
                new EnumMap<>(io.flightdeck.model.SampleKind.class);
        for (io.flightdeck.model.SampleKind k : io.flightdeck.model.SampleKind.values()) {
            m.put(k, p.samples(k));
        }
        return m;
    }

    /** The primary's facts, with what only the log states filled in (collector, heap sizes, version). */
    private static RecordingInfo fill(RecordingInfo p, RecordingInfo log) {
        if (log == null) {
            return p;
        }
        return new RecordingInfo(p.formatVersion(), p.start(), p.end(), p.chunks(), p.jvmName(),
                or(p.jvmVersion(), log.jvmVersion()), or(p.javaVersion(), log.javaVersion()),
                or(p.jvmArguments(), log.jvmArguments()), p.javaArguments(), p.jvmFlags(),
                or(p.jvmStartTime(), log.jvmStartTime()), p.pid(), or(p.gc(), log.gc()), p.youngCollector(),
                p.oldCollector(), p.maxHeapBytes().isPresent() ? p.maxHeapBytes() : log.maxHeapBytes(),
                p.initialHeapBytes().isPresent() ? p.initialHeapBytes() : log.initialHeapBytes(),
                p.cpuCount().isPresent() ? p.cpuCount() : log.cpuCount(), p.cpuDescription(), p.os(),
                p.physicalMemoryBytes().isPresent() ? p.physicalMemoryBytes() : log.physicalMemoryBytes());
    }

    private static <T> Optional<T> or(Optional<T> a, Optional<T> b) {
        return a.isPresent() ? a : b;
    }
}
