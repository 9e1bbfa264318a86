package io.flightdeck.analysis.compare;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.gc.GcStatistics;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One side of a comparison: the metrics of a selection as a value (the same number {@code analyze} shows) and the
 * observations a significance test needs — values per time bucket of a common width, GC pause durations, event
 * counts, or the points of a trend.
 */
final class SideMetrics {
    /** What a test gets for one metric on one side. */
    record Observed(double value, double[] samples, long count, double seconds, double[] x, double[] y) {
        static Observed ofSamples(double value, double[] samples) {
            return new Observed(value, samples, -1, 0, null, null);
        }

        static Observed ofCount(double value, long count, double seconds) {
            return new Observed(value, null, count, seconds, null, null);
        }

        static Observed ofTrend(double value, double[] x, double[] y) {
            return new Observed(value, null, -1, 0, x, y);
        }
    }

    /** Buckets with fewer samples than this give no share (too noisy to be an observation). */
    private static final int MIN_SAMPLES_PER_BUCKET = 5;

    private final Selection selection;
    private final AnalysisReport report;
    private final double bucketSeconds;
    private final int buckets;
    private final io.flightdeck.analysis.timeline.TimeGrid grid;
    private final GcStatistics gc;
    private final List<GcPause> pauses;

    SideMetrics(io.flightdeck.analysis.Analysis analysis, AnalysisReport report, double bucketSeconds) {
        Selection selection = analysis.selection();
        this.selection = selection;
        this.report = report;
        this.bucketSeconds = bucketSeconds;
        this.buckets = Math.max(1, (int) Math.floor(selection.durationSeconds() / bucketSeconds));
        this.grid = new io.flightdeck.analysis.timeline.TimeGrid(
                io.flightdeck.analysis.timeline.TimeGrid.nanos(selection.start()), Math.round(bucketSeconds * 1e9),
                buckets);
        this.gc = analysis.gcStatistics();
        // collections a diagnostic tool asked for (a histogram taken during the run) are the measurement's, not
        // the application's: the rules leave them out, and so does compare
        this.pauses = analysis.applicationPauses();
    }

    AnalysisReport report() {
        return report;
    }

    Selection selection() {
        return selection;
    }

    boolean hasRecording() {
        return selection.profile().sources().stream().anyMatch(s -> s.kind() == SourceKind.JFR);
    }

    boolean has(SampleKind kind) {
        return !selection.profile().samples(kind).isEmpty();
    }

    /** The metric on this side, or empty when this side has no data for it. */
    Optional<Observed> observe(MetricSpec spec) {
        String name = spec.name();
        AnalysisReport.Gc g = report.gc();
        double seconds = selection.durationSeconds();
        if (name.startsWith(MetricSpec.CPU_METHOD + ":")) {
            return has(SampleKind.CPU) ? Optional.of(share(SampleKind.CPU, method(name), false)) : Optional.empty();
        }
        if (name.startsWith(MetricSpec.ALLOC_CLASS + ":")) {
            SampleKind k = allocationKind();
            return k == null ? Optional.empty() : Optional.of(classShare(k, method(name)));
        }
        if (name.startsWith(MetricSpec.ALLOC_SITE + ":")) {
            SampleKind k = allocationKind();
            return k == null ? Optional.empty() : Optional.of(share(k, method(name), true));
        }
        return switch (name) {
            case MetricSpec.CPU_JVM -> series(report.cpu().jvmUserPercentAvg() + report.cpu().jvmSystemPercentAvg(),
                    SeriesKey.CPU_JVM_USER, SeriesKey.CPU_JVM_SYSTEM);
            case MetricSpec.CPU_MACHINE -> series(report.cpu().machineTotalPercentAvg(), SeriesKey.CPU_MACHINE_TOTAL,
                    null);
            case MetricSpec.ALLOC_RATE -> {
                SampleKind k = allocationKind();
                if (k == null) {
                    yield Optional.empty();
                }
                double[] perBucket = allocatedPerSecond(k);
                yield Optional.of(Observed.ofSamples(report.allocation().bytesPerSecond(), perBucket));
            }
            case MetricSpec.GC_P50 -> pauses(applicationPausePercentile(g.pausePercentilesSeconds().p50(), 50));
            case MetricSpec.GC_P95 -> pauses(applicationPausePercentile(g.pausePercentilesSeconds().p95(), 95));
            case MetricSpec.GC_P99 -> pauses(applicationPausePercentile(g.pausePercentilesSeconds().p99(), 99));
            case MetricSpec.GC_MAX -> pauses(applicationPausePercentile(g.pauseMaxSeconds(), 100));
            case MetricSpec.GC_OVERHEAD -> g.throughputPercent() < 0 || !hasGc() ? Optional.empty()
                    : Optional.of(Observed.ofSamples(100 - g.throughputPercent(), pausePercentPerBucket(false)));
            case MetricSpec.GC_THROUGHPUT -> g.throughputPercent() < 0 || !hasGc() ? Optional.empty()
                    : Optional.of(Observed.ofSamples(g.throughputPercent(), pausePercentPerBucket(true)));
            case MetricSpec.GC_FULL -> !hasGc() || seconds <= 0 ? Optional.empty()
                    : Optional.of(Observed.ofCount(fullPauses() * 60 / seconds, fullPauses(), seconds / 60));
            case MetricSpec.HEAP_AFTER_GC_PERCENT -> heapAfterPercent();
            case MetricSpec.HEAP_AFTER_GC_SLOPE -> heapAfterTrend();
            case MetricSpec.LOCK_BLOCKED -> hasRecording()
                    ? Optional.of(durations(report.locks().blockedSeconds() / seconds, SampleKind.MONITOR_ENTER))
                    : Optional.empty();
            case MetricSpec.PARKED -> hasRecording() ? Optional.of(parkedWaiting(false)) : Optional.empty();
            case MetricSpec.LOCK_PARKED -> hasRecording() ? Optional.of(parkedWaiting(true)) : Optional.empty();
            case MetricSpec.IO_BLOCKED -> hasRecording() ? Optional.of(io()) : Optional.empty();
            case MetricSpec.EXCEPTIONS -> hasRecording() ? Optional.of(exceptions()) : Optional.empty();
            case MetricSpec.THREAD_STARTS -> hasRecording()
                    ? Optional.of(Observed.ofSamples(report.threads().startsPerSecond(),
                            countPerSecond(SampleKind.THREAD_START)))
                    : Optional.empty();
            case MetricSpec.ALLOC_PER_CPU -> {
                SampleKind k = allocationKind();
                if (k == null || !has(SampleKind.CPU)) {
                    yield Optional.empty();
                }
                double[] bytes = allocatedPerSecond(k);
                yield Optional.of(perCpuSecond(report.allocation().totalBytes(), bytes));
            }
            case MetricSpec.EXCEPTIONS_PER_CPU -> hasRecording() && has(SampleKind.CPU)
                    ? Optional.of(perCpuSecond(report.exceptions().count(), exceptions().samples()))
                    : Optional.empty();
            case MetricSpec.THREAD_STARTS_PER_CPU -> hasRecording() && has(SampleKind.CPU)
                    ? Optional.of(perCpuSecond(report.threads().started(), countPerSecond(SampleKind.THREAD_START)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * A count per second of Java CPU time (execution samples times the sampling period): a cost per unit of work
     * done, which does not move when a run simply got more or less CPU from a busy host.
     *
     * @param total     the count over the selection
     * @param perSecond the count per second of each bucket
     */
    private Observed perCpuSecond(double total, double[] perSecond) {
        double[] cpu = jvmCpuSecondsPerBucket();
        List<Double> values = new ArrayList<>();
        double cpuTotal = 0;
        for (int k = 0; k < buckets; k++) {
            cpuTotal += cpu[k];
            // a bucket with almost no CPU gives a ratio of noise
            if (cpu[k] >= 0.01 * bucketSeconds) {
                values.add(perSecond[k] * bucketSeconds / cpu[k]);
            }
        }
        double value = cpuTotal <= 0 ? 0 : total / cpuTotal;
        return Observed.ofSamples(value, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * CPU seconds the JVM used in each bucket: its CPU load (user + system, a share of the machine, from
     * {@code jdk.CPULoad}) times the CPUs; without CPU load events, execution samples times the sampling period.
     */
    private double[] jvmCpuSecondsPerBucket() {
        double[] out = new double[buckets];
        Optional<TimeSeries> user = selection.profile().series(SeriesKey.CPU_JVM_USER);
        int cpus = selection.profile().info().cpuCount().orElse(0);
        if (user.isPresent() && user.get().size() >= 2 && cpus > 0) {
            TimeSeries u = user.get();
            TimeSeries sys = selection.profile().series(SeriesKey.CPU_JVM_SYSTEM).orElse(null);
            // each reading covers the interval since the previous one
            for (int i = 1; i < u.size(); i++) {
                long t0 = u.timeNanos(i - 1);
                long t1 = u.timeNanos(i);
                if (t1 <= t0) {
                    continue;
                }
                double load = u.value(i) + (sys != null && i < sys.size() ? sys.value(i) : 0);
                spread(out, t0, t1 - t0, load * cpus * (t1 - t0) / 1e9);
            }
            return out;
        }
        double period = cpuSampleSeconds();
        double[] samples = countPerSecond(SampleKind.CPU);
        for (int k = 0; k < buckets; k++) {
            out[k] = samples[k] * bucketSeconds * period;
        }
        return out;
    }

    private double cpuSampleSeconds() {
        return io.flightdeck.analysis.Signals.cpuSampleSeconds(selection.profile());
    }

    // ---- GC -------------------------------------------------------------------------------------------------

    private boolean hasGc() {
        return !gc.pauses().isEmpty() || !selection.profile().gcPauses().isEmpty();
    }

    private Optional<Observed> pauses(double value) {
        if (pauses.isEmpty()) {
            return Optional.empty();
        }
        double[] d = pauses.stream().mapToDouble(p -> p.duration().toNanos() / 1e9).toArray();
        return Optional.of(Observed.ofSamples(value, d));
    }

    private double[] pausePercentPerBucket(boolean throughput) {
        double[] b = new double[buckets];
        for (GcPause p : pauses) {
            long start = p.start().getEpochSecond() * 1_000_000_000L + p.start().getNano();
            spread(b, start, p.duration().toNanos(), p.duration().toNanos() / 1e9);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 100 * b[i] / bucketSeconds;
            if (throughput) {
                b[i] = 100 - b[i];
            }
        }
        return b;
    }

    private Optional<Observed> heapAfterPercent() {
        Double value = report.gc().heapAfterGcMaxPercentOfMax();
        long max = selection.profile().info().maxHeapBytes().orElse(-1);
        if (value == null || max <= 0) {
            return Optional.empty();
        }
        double[] after = pauses.stream().filter(p -> p.heapAfterBytes().isPresent())
                .mapToDouble(p -> 100.0 * p.heapAfterBytes().getAsLong() / max).toArray();
        return Optional.of(Observed.ofSamples(value, after));
    }

    private Optional<Observed> heapAfterTrend() {
        List<double[]> points = new ArrayList<>();
        Instant origin = selection.start();
        for (GcPause p : pauses) {
            if (p.heapAfterBytes().isPresent()) {
                double t = Duration.between(origin, p.start().plus(p.duration())).toNanos() / 1e9;
                points.add(new double[]{t, p.heapAfterBytes().getAsLong()});
            }
        }
        if (points.isEmpty() && report.gc().pauseCount() == 0) {
            return Optional.empty();
        }
        // fewer than three collections: the report says "no trend" (absent); the test below weighs the points
        // there are, and a side with no growth to show is a flat one
        double slope = report.gc().heapAfterGcSlopeBytesPerSecond();
        return Optional.of(Observed.ofTrend(Double.isNaN(slope) ? 0 : slope,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()));
    }

    /**
     * Seconds per second threads spent parked: for a lock ({@code onLocks}), or for something a pool, queue,
     * semaphore or future hands out; pool workers waiting for a task (idle, not starved) are left out.
     */
    private Observed parkedWaiting(boolean onLocks) {
        Profile p = selection.profile();
        MethodTable methods = p.methods();
        boolean[] idle = new boolean[methods.size()];
        for (int m = 0; m < methods.size(); m++) {
            String q = methods.qualifiedName(m);
            idle[m] = io.flightdeck.analysis.Signals.isIdleWaitFrame(q);
        }
        byte[] memo = new byte[p.stacks().size()];
        double[] b = new double[buckets];
        double sum = 0;
        SampleSet set = p.samples(SampleKind.THREAD_PARK);
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i)) {
                continue;
            }
            int stack = set.stack(i);
            if (stack >= 0 && stackHas(p, stack, idle, memo)) {
                continue;
            }
            int blocker = set.key(i);
            String blockerClass = blocker < 0 ? "" : p.symbols().get(blocker);
            // ReentrantLock$NonfairSync, ReentrantReadWriteLock$..., StampedLock: a lock; the rest (semaphores,
            // queues, futures, latches) hand out something
            if (io.flightdeck.analysis.Signals.isLockClass(blockerClass) != onLocks) {
                continue;
            }
            long d = set.durationNanos(i);
            sum += d / 1e9;
            spread(b, set.timeNanos(i), d, d / 1e9);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= bucketSeconds;
        }
        return Observed.ofSamples(sum / selection.durationSeconds(), b);
    }

    // ---- samples --------------------------------------------------------------------------------------------

    private SampleKind allocationKind() {
        Profile p = selection.profile();
        SampleKind kind = io.flightdeck.analysis.Signals.primaryAllocationKind(p);
        return p.samples(kind).isEmpty() ? null : kind;
    }

    private Observed io() {
        SampleKind[] kinds = {SampleKind.SOCKET_READ, SampleKind.SOCKET_WRITE, SampleKind.FILE_READ,
                SampleKind.FILE_WRITE, SampleKind.FILE_FORCE};
        double[] total = new double[buckets];
        double sum = 0;
        for (SampleKind k : kinds) {
            double[] b = durationPerSecond(k);
            for (int i = 0; i < buckets; i++) {
                total[i] += b[i];
            }
            SampleSet set = selection.profile().samples(k);
            for (int i = 0; i < set.size(); i++) {
                if (selection.includes(set, i)) {
                    sum += set.durationNanos(i) / 1e9;
                }
            }
        }
        return Observed.ofSamples(sum / selection.durationSeconds(), total);
    }

    private Observed exceptions() {
        double value = report.exceptions().perSecond();
        if (EventTypes.EXCEPTION_STATISTICS.equals(report.exceptions().source())) {
            Optional<TimeSeries> s = selection.profile().series(SeriesKey.THROWABLES_CREATED);
            if (s.isPresent()) {
                return Observed.ofSamples(value, seriesRatesPerBucket(s.get()));
            }
        }
        SampleKind k = has(SampleKind.EXCEPTION) ? SampleKind.EXCEPTION : SampleKind.ERROR;
        return Observed.ofSamples(value, countPerSecond(k));
    }

    /** A cumulative counter as a rate per bucket (each interval between readings spread over its buckets). */
    private double[] seriesRatesPerBucket(TimeSeries s) {
        double[] b = new double[buckets];
        for (int i = 1; i < s.size(); i++) {
            long t0 = s.timeNanos(i - 1);
            long t1 = s.timeNanos(i);
            double delta = s.value(i) - s.value(i - 1);
            if (t1 <= t0 || delta < 0) {
                continue;
            }
            spread(b, t0, t1 - t0, delta);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= bucketSeconds;
        }
        return b;
    }

    private Optional<Observed> series(double value, SeriesKey key, SeriesKey plus) {
        Optional<TimeSeries> s = selection.profile().series(key);
        if (s.isEmpty() || s.get().size() == 0) {
            return Optional.empty();
        }
        TimeSeries a = s.get();
        TimeSeries b = plus == null ? null : selection.profile().series(plus).orElse(null);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (selection.includesTime(a.timeNanos(i))) {
                double v = a.value(i) + (b != null && i < b.size() ? b.value(i) : 0);
                values.add(100 * v);
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Observed.ofSamples(value, values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private Observed durations(double value, SampleKind kind) {
        return Observed.ofSamples(value, durationPerSecond(kind));
    }

    private double[] countPerSecond(SampleKind kind) {
        return perSecond(kind, false);
    }

    /** Bytes allocated per second of each bucket: the kind's weights, plus outside-TLAB ones for TLAB events. */
    private double[] allocatedPerSecond(SampleKind kind) {
        double[] bytes = weightPerSecond(kind);
        if (kind == SampleKind.ALLOCATION_IN_NEW_TLAB) {
            double[] outside = weightPerSecond(SampleKind.ALLOCATION_OUTSIDE_TLAB);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] += outside[i];
            }
        }
        return bytes;
    }

    private double[] weightPerSecond(SampleKind kind) {
        return perSecond(kind, true);
    }

    /** The kind's selected samples per second of each bucket, counted or (with {@code byWeight}) weighed. */
    private double[] perSecond(SampleKind kind, boolean byWeight) {
        double[] b = new double[buckets];
        SampleSet set = selection.profile().samples(kind);
        for (int i = 0; i < set.size(); i++) {
            if (selection.includes(set, i)) {
                int k = bucket(set.timeNanos(i));
                if (k >= 0) {
                    b[k] += byWeight ? set.weight(i) : 1;
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= bucketSeconds;
        }
        return b;
    }

    /** Seconds of the kind's durations per second of each bucket, each event spread over the buckets it spans. */
    private double[] durationPerSecond(SampleKind kind) {
        double[] b = new double[buckets];
        SampleSet set = selection.profile().samples(kind);
        for (int i = 0; i < set.size(); i++) {
            if (selection.includes(set, i)) {
                long d = set.durationNanos(i);
                spread(b, set.timeNanos(i), d, d / 1e9);
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= bucketSeconds;
        }
        return b;
    }

    /** Adds {@code amount} to the buckets that [start, start + length) overlaps, in proportion to the overlap. */
    private void spread(double[] b, long startNanos, long lengthNanos, double amount) {
        grid.spread(b, startNanos, lengthNanos, amount);
    }

    private int bucket(long timeNanos) {
        return grid.index(timeNanos);
    }

    /** The share (percent) of the kind's samples (or bytes) with {@code method} on the stack, overall and per bucket. */
    private Observed share(SampleKind kind, String method, boolean byWeight) {
        Profile p = selection.profile();
        boolean[] methodMatches = matchingMethods(p.methods(), method);
        byte[] memo = new byte[p.stacks().size()]; // 0 unknown, 1 no, 2 yes
        SampleSet set = p.samples(kind);
        return share(set, i -> set.stack(i) >= 0 && stackHas(p, set.stack(i), methodMatches, memo), byWeight);
    }

    /** The share (percent) of allocated bytes whose class is {@code className} (names as the report prints them). */
    private Observed classShare(SampleKind kind, String className) {
        Profile p = selection.profile();
        java.util.Map<Integer, Boolean> matches = new java.util.HashMap<>();
        SampleSet set = p.samples(kind);
        return share(set, i -> set.key(i) >= 0 && matches.computeIfAbsent(set.key(i), k -> className.equals(
                io.flightdeck.analysis.format.Names.className(p.symbols().get(k)))), true);
    }

    /**
     * The share (percent) of the selected samples (or of their weight) for which {@code hit} holds, overall and per
     * bucket (buckets with too few samples give no observation).
     */
    private Observed share(SampleSet set, java.util.function.IntPredicate hit, boolean byWeight) {
        double[] hits = new double[buckets];
        double[] all = new double[buckets];
        long[] count = new long[buckets];
        double hitTotal = 0;
        double allTotal = 0;
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i)) {
                continue;
            }
            double w = byWeight ? set.weight(i) : 1;
            boolean has = hit.test(i);
            allTotal += w;
            if (has) {
                hitTotal += w;
            }
            int k = bucket(set.timeNanos(i));
            if (k >= 0) {
                all[k] += w;
                count[k]++;
                if (has) {
                    hits[k] += w;
                }
            }
        }
        List<Double> shares = new ArrayList<>();
        for (int k = 0; k < buckets; k++) {
            if (count[k] >= MIN_SAMPLES_PER_BUCKET && all[k] > 0) {
                shares.add(100 * hits[k] / all[k]);
            }
        }
        return Observed.ofSamples(allTotal == 0 ? 0 : 100 * hitTotal / allTotal,
                shares.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean stackHas(Profile p, int stack, boolean[] methodMatches, byte[] memo) {
        if (memo[stack] != 0) {
            return memo[stack] == 2;
        }
        StackTable stacks = p.stacks();
        boolean has = false;
        for (int i = 0, n = stacks.depth(stack); i < n && !has; i++) {
            int m = p.frames().method(stacks.frame(stack, i));
            has = m >= 0 && m < methodMatches.length && methodMatches[m];
        }
        memo[stack] = (byte) (has ? 2 : 1);
        return has;
    }

    /** Methods whose qualified name ({@code pkg.Class.method}) is {@code name}, or whose class is {@code name}. */
    private static boolean[] matchingMethods(MethodTable methods, String name) {
        boolean[] match = new boolean[methods.size()];
        for (int m = 0; m < methods.size(); m++) {
            String cls = methods.className(m);
            match[m] = name.equals(cls) || name.equals(cls + "." + methods.methodName(m));
        }
        return match;
    }

    private static String method(String metricName) {
        return metricName.substring(metricName.indexOf(':') + 1);
    }

    /**
     * A percentile of the application's pauses (diagnostic ones left out): the report's own value when there were
     * none to leave out, so both say the same.
     */
    private double applicationPausePercentile(double reportValue, double p) {
        if (pauses.size() == gc.pauses().size() || pauses.isEmpty()) {
            return reportValue;
        }
        double[] d = pauses.stream().mapToDouble(x -> x.duration().toNanos() / 1e9).toArray();
        return io.flightdeck.analysis.Statistics.percentile(d, p);
    }

    /** The time of full GCs (for the comparability of GC data). */
    long fullPauses() {
        return pauses.stream().filter(p -> p.kind() == GcKind.FULL).count();
    }

    double durationSeconds() {
        return selection.durationSeconds();
    }
}
