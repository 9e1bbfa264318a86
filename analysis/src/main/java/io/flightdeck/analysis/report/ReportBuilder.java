package io.flightdeck.analysis.report;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.Analysis;
import io.flightdeck.analysis.Breakdown;
import io.flightdeck.analysis.Breakdown.Group;
import io.flightdeck.analysis.Breakdown.Measure;
import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.Statistics;
import io.flightdeck.analysis.format.Names;
import io.flightdeck.analysis.gc.GcActivity;
import io.flightdeck.analysis.heap.HistogramAnalysis;
import io.flightdeck.analysis.gc.GcStatistics;
import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.HistogramRow;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Computes every section of an {@link AnalysisReport} from a selection of a profile. The CLI prints it; the GUI
 * shows the same values.
 */
public final class ReportBuilder {
    /** Rows kept per table. */
    public static final int TOP = 25;
    private static final int TOP_METHODS = 50;

    private final String version;

    public ReportBuilder(String version) {
        this.version = version;
    }

    public AnalysisReport build(Selection selection, List<Finding> findings) {
        return build(Analysis.of(selection), findings);
    }

    /** The report's numbers from an analysis whose shared parts (hot methods, GC statistics...) may be reused. */
    public AnalysisReport build(Analysis analysis, List<Finding> findings) {
        Selection selection = analysis.selection();
        Profile profile = selection.profile();
        FrameClassifier classifier = analysis.classifier();
        AnalysisReport.Cpu cpu = cpu(analysis);
        AnalysisReport.Allocation allocation = allocation(selection, classifier);
        AnalysisReport.Locks locks = locks(selection, classifier);
        AnalysisReport.Io io = io(selection, classifier);
        AnalysisReport.Exceptions exceptions = exceptions(selection, classifier);
        AnalysisReport.Threads threads = threads(selection, classifier);
        AnalysisReport.Gc gc = gc(analysis);
        AnalysisReport.Histogram histogram = histogram(profile);
        Map<String, String> absent = new LinkedHashMap<>(Coverage.absentSections(profile));
        // what was measured after all (another writer's samples, a section fed from another source) is shown
        absent.keySet().removeIf(section -> switch (section) {
            case "cpu" -> cpu.samples() > 0;
            case "allocation" -> allocation.totalBytes() > 0;
            case "locks" -> locks.blockedCount() > 0 || locks.parkedSeconds() > 0 || locks.waitSeconds() > 0;
            case "io" -> !io.byEndpoint().isEmpty() || !io.byFile().isEmpty();
            case "exceptions" -> exceptions.count() > 0;
            case "threads" -> threads.started() > 0 || threads.activeMax() > 0;
            case "gc" -> gc.pauseCount() > 0;
            case "histogram" -> histogram.snapshots() > 0;
            default -> false;
        });
        return new AnalysisReport(version, profile.sources().stream().map(ReportBuilder::source).toList(),
                selectionInfo(selection), recording(profile), cpu, allocation, locks, io, exceptions, threads, gc,
                histogram, List.copyOf(findings), List.of(), java.util.Collections.unmodifiableMap(absent));
    }

    static AnalysisReport.Source source(SourceInfo s) {
        return new AnalysisReport.Source(s.path().toString(), s.kind().label(), s.format(), s.warnings(),
                s.skippedLines(), s.sizeBytes(), s.lines(), s.skippedSamples());
    }

    private static AnalysisReport.SelectionInfo selectionInfo(Selection s) {
        return new AnalysisReport.SelectionInfo(s.start().toString(), s.end().toString(), s.durationSeconds(),
                s.threadFilter().isAll() ? null : s.threadFilter().pattern().pattern());
    }

    static AnalysisReport.Recording recording(Profile profile) {
        RecordingInfo info = profile.info();
        Map<String, Long> counts = new TreeMap<>();
        for (EventTypeStats s : profile.eventStats().values()) {
            counts.put(s.name(), s.count());
        }
        AnalysisReport.Jvm jvm = new AnalysisReport.Jvm(info.javaVersion().orElse(info.jvmVersion().orElse(null)),
                info.gc().orElse(null), boxed(info.maxHeapBytes()), info.cpuCount().isPresent()
                        ? info.cpuCount().getAsInt() : null, info.jvmName().orElse(null),
                info.jvmArguments().orElse(null), info.javaArguments().orElse(null),
                info.jvmStartTime().map(Instant::toString).orElse(null), boxed(info.pid()),
                info.youngCollector().orElse(null), info.oldCollector().orElse(null), boxed(info.initialHeapBytes()),
                info.cpuDescription().orElse(null), info.os().orElse(null), boxed(info.physicalMemoryBytes()));
        return new AnalysisReport.Recording(info.start().toString(), info.end().toString(),
                info.duration().toNanos() / 1e9, info.chunks(), jvm, counts);
    }

    private static AnalysisReport.Cpu cpu(Analysis analysis) {
        Selection selection = analysis.selection();
        Profile profile = selection.profile();
        List<HotMethod> hot = analysis.hotMethods();
        long samples = Breakdown.total(selection, SampleKind.CPU, Measure.COUNT);
        List<AnalysisReport.HotMethodRow> rows = new ArrayList<>();
        for (HotMethod h : hot.subList(0, Math.min(TOP_METHODS, hot.size()))) {
            rows.add(new AnalysisReport.HotMethodRow(h.name(), h.selfSamples(), h.selfPercent(), h.totalSamples(),
                    h.totalPercent()));
        }
        double[] user = seriesValues(selection, SeriesKey.CPU_JVM_USER);
        double[] system = seriesValues(selection, SeriesKey.CPU_JVM_SYSTEM);
        double[] machine = seriesValues(selection, SeriesKey.CPU_MACHINE_TOTAL);
        double jvmPeak = 0;
        for (int i = 0; i < Math.min(user.length, system.length); i++) {
            jvmPeak = Math.max(jvmPeak, user[i] + system[i]);
        }
        double machinePeak = 0;
        for (double m : machine) {
            machinePeak = Math.max(machinePeak, m);
        }
        SampleSet cpuSamples = profile.samples(SampleKind.CPU);
        List<AnalysisReport.ThreadRow> byThread = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, SampleKind.CPU, cpuSamples::thread, Measure.COUNT, stack -> -1))) {
            byThread.add(new AnalysisReport.ThreadRow(g.key() < 0 ? "(unknown thread)" : profile.threads().name(g.key()),
                    g.count(), percent(g.count(), samples)));
        }
        return new AnalysisReport.Cpu(samples, 100 * Statistics.mean(user), 100 * Statistics.mean(system),
                100 * Statistics.mean(machine), 100 * jvmPeak, 100 * machinePeak,
                Breakdown.total(selection, SampleKind.NATIVE, Measure.COUNT), rows, byThread);
    }

    private static double[] seriesValues(Selection selection, SeriesKey key) {
        TimeSeries s = selection.profile().series(key).orElse(null);
        if (s == null) {
            return new double[0];
        }
        double[] values = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (selection.includesTime(s.timeNanos(i))) {
                values[n++] = s.value(i);
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    private static AnalysisReport.Allocation allocation(Selection selection, FrameClassifier classifier) {
        Profile profile = selection.profile();
        SampleKind k = io.flightdeck.analysis.Signals.primaryAllocationKind(profile);
        String source = io.flightdeck.analysis.Signals.allocationSource(profile);
        SampleSet set = profile.samples(k);
        long total = Breakdown.total(selection, k, Measure.WEIGHT);
        long count = Breakdown.total(selection, k, Measure.COUNT);
        if (k == SampleKind.ALLOCATION_IN_NEW_TLAB) {
            total += Breakdown.total(selection, SampleKind.ALLOCATION_OUTSIDE_TLAB, Measure.WEIGHT);
        }
        List<AnalysisReport.ClassBytes> byClass = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, k, set::key, Measure.WEIGHT, classifier::culpritMethod))) {
            byClass.add(new AnalysisReport.ClassBytes(g.key() < 0 ? "(unknown)" : className(profile, g.key()), g.weight(),
                    percent(g.weight(), total),
                    g.count(), methodName(profile, g.topSite())));
        }
        List<AnalysisReport.MethodBytes> bySite = sites(selection, k, total, stack -> topMethod(profile, stack));
        List<AnalysisReport.MethodBytes> byApp = sites(selection, k, total, classifier::culpritMethod);
        double seconds = selection.durationSeconds();
        return new AnalysisReport.Allocation(total, seconds > 0 ? total / seconds : 0, count, count == 0 ? null : source,
                byClass, bySite, byApp);
    }

    private static List<AnalysisReport.MethodBytes> sites(Selection selection, SampleKind kind, long total,
            IntUnaryOperator siteOfStack) {
        Profile profile = selection.profile();
        SampleSet set = profile.samples(kind);
        int[] cache = new int[profile.stacks().size()];
        java.util.Arrays.fill(cache, -2);
        Map<Integer, long[]> bytes = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i)) {
                continue;
            }
            int stack = set.stack(i);
            int site = -1;
            if (stack >= 0) {
                if (cache[stack] == -2) {
                    cache[stack] = siteOfStack.applyAsInt(stack);
                }
                site = cache[stack];
            }
            bytes.computeIfAbsent(site, s -> new long[1])[0] += set.weight(i);
        }
        List<Map.Entry<Integer, long[]>> entries = new ArrayList<>(bytes.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparingInt(Map.Entry::getKey));
        List<AnalysisReport.MethodBytes> rows = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : entries.subList(0, Math.min(TOP, entries.size()))) {
            rows.add(new AnalysisReport.MethodBytes(e.getKey() < 0 ? "(no stack trace)" : methodName(profile, e.getKey()),
                    e.getValue()[0], percent(e.getValue()[0], total)));
        }
        return rows;
    }

    private static AnalysisReport.Locks locks(Selection selection, FrameClassifier classifier) {
        Profile profile = selection.profile();
        SampleSet enter = profile.samples(SampleKind.MONITOR_ENTER);
        List<AnalysisReport.MonitorRow> monitors = monitorRows(selection, SampleKind.MONITOR_ENTER, classifier);
        SampleSet park = profile.samples(SampleKind.THREAD_PARK);
        List<AnalysisReport.ParkRow> parks = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, SampleKind.THREAD_PARK, park::key, Measure.DURATION,
                classifier::firstNonJdkMethod))) {
            parks.add(new AnalysisReport.ParkRow(g.key() < 0 ? "(no blocker object)" : className(profile, g.key()),
                    g.durationNanos() / 1e9, g.count(), methodName(profile, g.topSite()), 100 * g.topSiteShare()));
        }
        return new AnalysisReport.Locks(Breakdown.total(selection, SampleKind.MONITOR_ENTER, Measure.DURATION) / 1e9,
                Breakdown.total(selection, SampleKind.MONITOR_ENTER, Measure.COUNT), monitors,
                Breakdown.total(selection, SampleKind.THREAD_PARK, Measure.DURATION) / 1e9, parks,
                Breakdown.total(selection, SampleKind.MONITOR_WAIT, Measure.DURATION) / 1e9,
                monitorRows(selection, SampleKind.MONITOR_WAIT, classifier));
    }

    private static List<AnalysisReport.MonitorRow> monitorRows(Selection selection, SampleKind kind,
            FrameClassifier classifier) {
        Profile profile = selection.profile();
        SampleSet set = profile.samples(kind);
        Map<Integer, Long> maxByKey = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            if (selection.includes(set, i)) {
                maxByKey.merge(set.key(i), set.durationNanos(i), Math::max);
            }
        }
        List<AnalysisReport.MonitorRow> rows = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, kind, set::key, Measure.DURATION, classifier::firstNonJdkMethod))) {
            rows.add(new AnalysisReport.MonitorRow(g.key() < 0 ? "(unknown)" : className(profile, g.key()),
                    g.durationNanos() / 1e9, g.count(), maxByKey.getOrDefault(g.key(), 0L) / 1e9,
                    methodName(profile, g.topSite()), 100 * g.topSiteShare()));
        }
        return rows;
    }

    private static AnalysisReport.Io io(Selection selection, FrameClassifier classifier) {
        Profile profile = selection.profile();
        List<AnalysisReport.IoRow> endpoints = ioRows(selection, classifier, SampleKind.SOCKET_READ, SampleKind.SOCKET_WRITE);
        List<AnalysisReport.IoRow> files = ioRows(selection, classifier, SampleKind.FILE_READ, SampleKind.FILE_WRITE,
                SampleKind.FILE_FORCE);
        return new AnalysisReport.Io(seconds(selection, SampleKind.SOCKET_READ), seconds(selection, SampleKind.SOCKET_WRITE),
                seconds(selection, SampleKind.FILE_READ), seconds(selection, SampleKind.FILE_WRITE),
                seconds(selection, SampleKind.FILE_FORCE),
                Breakdown.total(selection, SampleKind.SOCKET_READ, Measure.WEIGHT),
                Breakdown.total(selection, SampleKind.SOCKET_WRITE, Measure.WEIGHT),
                Breakdown.total(selection, SampleKind.FILE_READ, Measure.WEIGHT),
                Breakdown.total(selection, SampleKind.FILE_WRITE, Measure.WEIGHT),
                Breakdown.total(selection, SampleKind.SOCKET_READ, Measure.COUNT),
                Breakdown.total(selection, SampleKind.SOCKET_WRITE, Measure.COUNT),
                Breakdown.total(selection, SampleKind.FILE_READ, Measure.COUNT),
                Breakdown.total(selection, SampleKind.FILE_WRITE, Measure.COUNT),
                Breakdown.total(selection, SampleKind.NATIVE, Measure.COUNT), endpoints, files);
    }

    private static List<AnalysisReport.IoRow> ioRows(Selection selection, FrameClassifier classifier, SampleKind... kinds) {
        Profile profile = selection.profile();
        Map<String, long[]> totals = new LinkedHashMap<>(); // nanos, bytes, count
        Map<String, Map<Integer, Long>> sites = new HashMap<>();
        for (SampleKind kind : kinds) {
            SampleSet set = profile.samples(kind);
            for (Group g : Breakdown.of(selection, kind, set::key, Measure.DURATION, classifier::culpritMethod)) {
                String target = g.key() < 0 ? "(unknown)" : profile.symbols().get(g.key());
                long[] t = totals.computeIfAbsent(target, x -> new long[3]);
                t[0] += g.durationNanos();
                t[1] += g.weight();
                t[2] += g.count();
                if (g.topSite() >= 0) {
                    sites.computeIfAbsent(target, x -> new HashMap<>()).merge(g.topSite(),
                            (long) (g.durationNanos() * g.topSiteShare()), Long::sum);
                }
            }
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(totals.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparing(Map.Entry::getKey));
        List<AnalysisReport.IoRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : entries.subList(0, Math.min(TOP, entries.size()))) {
            int site = sites.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                    .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(-1);
            rows.add(new AnalysisReport.IoRow(e.getKey(), e.getValue()[0] / 1e9, e.getValue()[1], e.getValue()[2],
                    methodName(profile, site)));
        }
        return rows;
    }

    private static double seconds(Selection selection, SampleKind kind) {
        return Breakdown.total(selection, kind, Measure.DURATION) / 1e9;
    }

    /**
     * Exceptions thrown: {@code jdk.ExceptionStatistics} counts every throwable created; {@code
     * jdk.JavaExceptionThrow} gives types and sites (every throw up to JDK 24, a throttled sample from JDK 25: the
     * larger of the two counts is the count). Without it (JDK 17's profile settings leave it off) {@code
     * jdk.JavaErrorThrow} gives the types and sites of the errors among them.
     */
    private static AnalysisReport.Exceptions exceptions(Selection selection, FrameClassifier classifier) {
        Profile profile = selection.profile();
        long errors = Breakdown.total(selection, SampleKind.ERROR, Measure.COUNT);
        boolean allThrows = !profile.samples(SampleKind.EXCEPTION).isEmpty();
        SampleKind kind = allThrows ? SampleKind.EXCEPTION : SampleKind.ERROR;
        long count = allThrows ? Breakdown.total(selection, kind, Measure.COUNT) : 0;
        String source = allThrows ? EventTypes.JAVA_EXCEPTION_THROW : null;
        // JDK 25 throttles jdk.JavaExceptionThrow (a sample of the throws); jdk.ExceptionStatistics counts them all
        long created = seriesGrowth(selection, SeriesKey.THROWABLES_CREATED);
        if (created > count) {
            count = Math.max(created, errors);
            source = EventTypes.EXCEPTION_STATISTICS;
        } else if (!allThrows && created < 0 && errors > 0) {
            count = errors;
            source = EventTypes.JAVA_ERROR_THROW;
        }
        SampleSet set = profile.samples(kind);
        Map<Integer, Integer> messageOf = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            if (set.aux(i) >= 0 && selection.includes(set, i)) {
                messageOf.putIfAbsent(set.key(i), set.aux(i));
            }
        }
        List<AnalysisReport.ExceptionRow> rows = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, kind, set::key, Measure.COUNT, classifier::throwingMethod))) {
            Integer message = messageOf.get(g.key());
            rows.add(new AnalysisReport.ExceptionRow(g.key() < 0 ? "(unknown)" : className(profile, g.key()), g.count(),
                    methodName(profile, g.topSite()), 100 * g.topSiteShare(),
                    message == null ? null : profile.symbols().get(message)));
        }
        double seconds = selection.durationSeconds();
        return new AnalysisReport.Exceptions(count, seconds > 0 ? count / seconds : 0, errors, source,
                allThrows ? EventTypes.JAVA_EXCEPTION_THROW : rows.isEmpty() ? source : "jdk.JavaErrorThrow (errors only)",
                rows);
    }

    /** Growth of a cumulative counter over the selection (last minus first value in it), or -1 without two points. */
    private static long seriesGrowth(Selection selection, SeriesKey key) {
        double[] values = seriesValues(selection, key);
        if (values.length < 2) {
            return -1;
        }
        return (long) Math.max(0, values[values.length - 1] - values[0]);
    }

    private static AnalysisReport.Threads threads(Selection selection, FrameClassifier classifier) {
        Profile profile = selection.profile();
        long started = Breakdown.total(selection, SampleKind.THREAD_START, Measure.COUNT);
        long ended = Breakdown.total(selection, SampleKind.THREAD_END, Measure.COUNT);
        double[] active = seriesValues(selection, SeriesKey.THREADS_ACTIVE);
        long activeMax = 0;
        for (double a : active) {
            activeMax = Math.max(activeMax, (long) a);
        }
        List<AnalysisReport.MethodCount> sites = new ArrayList<>();
        for (Group g : top(Breakdown.of(selection, SampleKind.THREAD_START, i -> 0, Measure.COUNT,
                classifier::culpritMethod))) {
            if (g.topSite() >= 0) {
                sites.add(new AnalysisReport.MethodCount(methodName(profile, g.topSite()),
                        Math.round(g.count() * g.topSiteShare())));
            }
        }
        double seconds = selection.durationSeconds();
        return new AnalysisReport.Threads(started, ended, seconds > 0 ? started / seconds : 0, activeMax, sites);
    }

    /** Collections that say how full the heap was after them: a trend needs three (fewer: absent, not 0). */
    private static long heapAfterPoints(GcStatistics stats) {
        return stats.pauses().stream().filter(p -> p.heapAfterBytes().isPresent()).count();
    }

    private static AnalysisReport.Gc gc(Analysis analysis) {
        Selection selection = analysis.selection();
        Profile profile = selection.profile();
        GcStatistics stats = analysis.gcStatistics();
        Instant origin = profile.info().jvmStartTime().orElse(profile.info().start());
        List<AnalysisReport.Pause> pauses = new ArrayList<>();
        Map<String, double[]> causes = new TreeMap<>(); // count, total, max
        for (GcPause p : stats.pauses()) {
            double seconds = p.duration().toNanos() / 1e9;
            pauses.add(new AnalysisReport.Pause(Duration.between(origin, p.start()).toNanos() / 1e9, seconds,
                    p.kind().label(), p.cause(), p.name(), boxed(p.heapBeforeBytes()), boxed(p.heapAfterBytes()),
                    boxed(p.heapCommittedBytes()), p.gcId()));
            double[] c = causes.computeIfAbsent(p.cause().isEmpty() ? "(unknown)" : p.cause(), k -> new double[3]);
            c[0]++;
            c[1] += seconds;
            c[2] = Math.max(c[2], seconds);
        }
        List<AnalysisReport.CauseRow> causeRows = new ArrayList<>();
        causes.forEach((cause, c) -> causeRows.add(new AnalysisReport.CauseRow(cause, (long) c[0], c[1], c[2])));
        causeRows.sort(Comparator.comparingDouble(AnalysisReport.CauseRow::totalSeconds).reversed());
        // NaN when fewer than two collections bound the allocation: absent (JSON null), not 0
        double allocationRate = stats.allocationRateBytesPerSecond();
        Double afterPercent = stats.heapAfterGcMaxBytes() >= 0 && profile.info().maxHeapBytes().isPresent()
                ? 100.0 * stats.heapAfterGcMaxBytes() / profile.info().maxHeapBytes().getAsLong() : null;
        GcActivity activity = analysis.gcActivity();
        List<AnalysisReport.PhaseRow> phases = new ArrayList<>();
        activity.concurrentPhases().forEach((name, v) -> phases.add(new AnalysisReport.PhaseRow(name, (long) v[0], v[1],
                v[2])));
        phases.sort(Comparator.comparingDouble(AnalysisReport.PhaseRow::totalSeconds).reversed());
        double cycleTotal = 0;
        double cycleMax = 0;
        for (double c : activity.concurrentCycleSeconds()) {
            cycleTotal += c;
            cycleMax = Math.max(cycleMax, c);
        }
        return new AnalysisReport.Gc(profile.info().gc().orElse(null), profile.gcSource().label(),
                stats.pauseCount(), stats.fullPauseCount(),
                stats.pauseTotal().toNanos() / 1e9, stats.pauseMax().toNanos() / 1e9,
                stats.pauseCount() == 0 ? 0 : stats.pauseTotal().toNanos() / 1e9 / stats.pauseCount(),
                new AnalysisReport.Percentiles(stats.p50().toNanos() / 1e9, stats.p95().toNanos() / 1e9,
                        stats.p99().toNanos() / 1e9),
                Double.isFinite(stats.throughputPercent()) ? stats.throughputPercent() : -1, allocationRate, finite(activity.promotionRateBytesPerSecond()),
                stats.heapAfterGcMaxBytes(), heapAfterPoints(stats) >= 3 ? stats.heapAfterGcSlopeBytesPerSecond()
                        : Double.NaN, afterPercent,
                activity.concurrentCycles(), cycleTotal, cycleMax, phases, activity.safepointCount(),
                activity.safepointSeconds(), activity.safepointMaxSeconds(), activity.stallCount(),
                activity.stallSeconds(), causeRows, pauses);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static AnalysisReport.Histogram histogram(Profile profile) {
        List<ClassHistogram> snapshots = profile.histograms();
        if (snapshots.isEmpty()) {
            return new AnalysisReport.Histogram(0, null, 0, 0, List.of(), List.of(), List.of());
        }
        ClassHistogram last = snapshots.getLast();
        Optional<HistogramAnalysis.HistogramGrowth> growth = HistogramAnalysis.growth(snapshots);
        List<AnalysisReport.HistogramRow> rows = new ArrayList<>();
        for (HistogramAnalysis.ClassShare c : HistogramAnalysis.topByBytes(snapshots, TOP)) {
            Optional<HistogramAnalysis.ClassGrowth> g = growth.flatMap(x -> x.of(c.className()));
            rows.add(new AnalysisReport.HistogramRow(c.className(), c.instances(), c.bytes(),
                    g.map(HistogramAnalysis.ClassGrowth::bytesGrowth).orElse(0L),
                    g.map(HistogramAnalysis.ClassGrowth::instancesGrowth).orElse(0L)));
        }
        List<AnalysisReport.GrowthRow> grown = new ArrayList<>();
        growth.ifPresent(x -> x.classes().stream().limit(TOP).forEach(c -> grown.add(new AnalysisReport.GrowthRow(
                c.className(), c.presence().name().toLowerCase(java.util.Locale.ROOT), c.firstBytes(), c.lastBytes(),
                c.bytesGrowth(), c.bytesGrowthPercent().isPresent() ? c.bytesGrowthPercent().getAsDouble() : null,
                c.firstInstances(), c.lastInstances(), c.instancesGrowth()))));
        List<AnalysisReport.SnapshotTotal> totals = new ArrayList<>();
        for (HistogramAnalysis.SnapshotTotal t : HistogramAnalysis.totals(snapshots)) {
            totals.add(new AnalysisReport.SnapshotTotal(t.time().toString(), t.bytes(), t.instances(), t.classes()));
        }
        return new AnalysisReport.Histogram(snapshots.size(), last.origin(), last.totalBytes(),
                last.totalInstances(), rows, grown, totals);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static List<Group> top(List<Group> groups) {
        return groups.subList(0, Math.min(TOP, groups.size()));
    }

    private static int topMethod(Profile profile, int stack) {
        int frame = profile.stacks().topFrame(stack);
        return frame < 0 ? -1 : profile.frames().method(frame);
    }

    private static String className(Profile profile, int symbol) {
        return Names.className(profile.symbols().get(symbol));
    }

    private static String methodName(Profile profile, int method) {
        return method < 0 ? null : profile.methods().qualifiedName(method);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Long boxed(java.util.OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
