package io.flightdeck.analysis.compare;

/**
 * What a compared metric is: its stable name (also the key of a budget file), unit, the diagnosis category it
 * belongs to (null for context metrics that belong to none), which direction is better, and the smallest change
 * that matters in practice.
 *
 * @param name          stable name, e.g. {@code gc.pauseP99Seconds}; per-method metrics add {@code :pkg.Class.method}
 * @param label         what a person reads
 * @param unit          "%", "s", "s/s", "/s", "/min", "B/s"
 * @param category      the finding category whose problem this metric measures, or null
 * @param lowerIsBetter true for costs (nearly all), false for GC throughput
 * @param minAbsolute   the smallest absolute change that counts, in the metric's unit
 * @param minRelative   the smallest relative change that counts (0.2 = 20 %)
 */
public record MetricSpec(String name, String label, String unit, String category, boolean lowerIsBetter,
        double minAbsolute, double minRelative) {

    public static final String CPU_JVM = "cpu.jvmPercent";
    public static final String CPU_MACHINE = "cpu.machinePercent";
    public static final String CPU_METHOD = "cpu.methodShare";
    public static final String ALLOC_RATE = "allocation.bytesPerSecond";
    public static final String ALLOC_SITE = "allocation.siteShare";
    public static final String ALLOC_CLASS = "allocation.classShare";
    public static final String ALLOC_PER_CPU = "allocation.bytesPerCpuSecond";
    public static final String EXCEPTIONS_PER_CPU = "exceptions.perCpuSecond";
    public static final String THREAD_STARTS_PER_CPU = "threads.startsPerCpuSecond";
    public static final String GC_P50 = "gc.pauseP50Seconds";
    public static final String GC_P95 = "gc.pauseP95Seconds";
    public static final String GC_P99 = "gc.pauseP99Seconds";
    public static final String GC_MAX = "gc.pauseMaxSeconds";
    public static final String GC_OVERHEAD = "gc.overheadPercent";
    public static final String GC_THROUGHPUT = "gc.throughputPercent";
    public static final String GC_FULL = "gc.fullPausesPerMinute";
    public static final String HEAP_AFTER_GC_PERCENT = "heap.afterGcMaxPercentOfMax";
    public static final String HEAP_AFTER_GC_SLOPE = "heap.afterGcSlopeBytesPerSecond";
    public static final String LOCK_BLOCKED = "locks.blockedSecondsPerSecond";
    public static final String PARKED = "locks.parkedSecondsPerSecond";
    public static final String LOCK_PARKED = "locks.lockParkedSecondsPerSecond";
    public static final String EXCEPTIONS = "exceptions.perSecond";
    public static final String IO_BLOCKED = "io.blockedSecondsPerSecond";
    public static final String THREAD_STARTS = "threads.startsPerSecond";

    private static final double MB = 1024 * 1024;

    /** The metrics every comparison looks at (per-method ones are made with {@link #methodShare}). */
    public static final java.util.List<MetricSpec> FIXED = java.util.List.of(
            new MetricSpec(CPU_JVM, "JVM CPU use", "%", null, true, 5, 0.2),
            new MetricSpec(CPU_MACHINE, "machine CPU use", "%", null, true, 5, 0.2),
            new MetricSpec(ALLOC_RATE, "allocation rate", "B/s", null, true, 5 * MB, 0.3),
            new MetricSpec(ALLOC_PER_CPU, "allocation per CPU-second", "B/CPU-s", "allocation-pressure", true, 5 * MB,
                    0.3),
            new MetricSpec(GC_P50, "GC pause p50", "s", "gc-overhead", true, 0.002, 0.25),
            new MetricSpec(GC_P95, "GC pause p95", "s", "gc-overhead", true, 0.002, 0.25),
            new MetricSpec(GC_P99, "GC pause p99", "s", "gc-overhead", true, 0.002, 0.25),
            new MetricSpec(GC_MAX, "GC pause max", "s", null, true, 0.005, 0.25),
            new MetricSpec(GC_OVERHEAD, "GC overhead (time in pauses)", "%", "gc-overhead", true, 1, 0.25),
            new MetricSpec(GC_THROUGHPUT, "GC throughput", "%", null, false, 1, 0.01),
            new MetricSpec(GC_FULL, "full GCs per minute", "/min", "gc-overhead", true, 0.5, 0.25),
            new MetricSpec(HEAP_AFTER_GC_PERCENT, "heap after GC, max, of max heap", "%", "memory-leak", true, 5,
                    0.2),
            new MetricSpec(HEAP_AFTER_GC_SLOPE, "heap after GC growth", "B/s", "memory-leak", true, 1 * MB, 0.3),
            new MetricSpec(LOCK_BLOCKED, "time blocked on monitors", "s/s", "lock-contention", true, 0.05, 0.25),
            new MetricSpec(LOCK_PARKED, "time waiting for java.util.concurrent locks", "s/s", "lock-contention",
                    true, 0.05, 0.25),
            new MetricSpec(PARKED, "time parked for pools, queues, permits, results", "s/s", "thread-pool-starvation",
                    true, 0.05, 0.25),
            new MetricSpec(EXCEPTIONS, "exceptions thrown", "/s", null, true, 10, 0.3),
            new MetricSpec(EXCEPTIONS_PER_CPU, "exceptions per CPU-second", "/CPU-s", "exception-overhead", true, 10,
                    0.3),
            new MetricSpec(IO_BLOCKED, "time in socket and file I/O", "s/s", "io-blocking", true, 0.05, 0.25),
            new MetricSpec(THREAD_STARTS, "threads started", "/s", null, true, 1, 0.3),
            new MetricSpec(THREAD_STARTS_PER_CPU, "threads started per CPU-second", "/CPU-s", "thread-churn", true, 1,
                    0.3));

    /** The share of CPU samples with {@code method} on the stack. */
    public static MetricSpec methodShare(String method) {
        return new MetricSpec(CPU_METHOD + ":" + method, "CPU share of " + method, "%", "cpu-hotspot", true, 5, 0.25);
    }

    /** The share of allocated bytes with {@code method} on the stack. */
    public static MetricSpec allocationSite(String method) {
        return new MetricSpec(ALLOC_SITE + ":" + method, "allocation share of " + method, "%", "allocation-pressure",
                true, 5, 0.25);
    }

    /** The share of allocated bytes of one class (a context metric: shares move when the mix changes). */
    public static MetricSpec allocationClass(String className) {
        return new MetricSpec(ALLOC_CLASS + ":" + className, "allocation share of " + className, "%", null, true, 5,
                0.25);
    }

    /** The spec of a budget key: a fixed metric or a per-method one; null if unknown. */
    public static MetricSpec forName(String name) {
        for (MetricSpec s : FIXED) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        if (name.startsWith(CPU_METHOD + ":") && name.length() > CPU_METHOD.length() + 1) {
            return methodShare(name.substring(CPU_METHOD.length() + 1));
        }
        if (name.startsWith(ALLOC_CLASS + ":") && name.length() > ALLOC_CLASS.length() + 1) {
            return allocationClass(name.substring(ALLOC_CLASS.length() + 1));
        }
        if (name.startsWith(ALLOC_SITE + ":") && name.length() > ALLOC_SITE.length() + 1) {
            return allocationSite(name.substring(ALLOC_SITE.length() + 1));
        }
        return null;
    }

    /** A value of a metric with this unit, as reports and the GUI print it. */
    public static String format(double v, String unit) {
        return switch (unit) {
            case "s" -> io.flightdeck.analysis.format.Format.seconds(v);
            case "B/s" -> io.flightdeck.analysis.format.Format.bytesPerSecond(v);
            case "B/CPU-s" -> io.flightdeck.analysis.format.Format.bytes(v) + "/CPU-s";
            case "/CPU-s" -> String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f/CPU-s" : "%.2f/CPU-s", v);
            case "%" -> String.format(java.util.Locale.ROOT, "%.1f %%", v);
            case "s/s" -> String.format(java.util.Locale.ROOT, "%.3f s/s", v);
            case "/s" -> String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f/s" : "%.2f/s", v);
            case "/min" -> String.format(java.util.Locale.ROOT, "%.2f/min", v);
            default -> String.format(java.util.Locale.ROOT, "%.3g %s", v, unit);
        };
    }

    /** True when the metric also measures {@code findingCategory} (I/O time is also the database's). */
    public boolean measures(String findingCategory) {
        if (category == null) {
            return false;
        }
        return category.equals(findingCategory)
                || "io-blocking".equals(category) && "database".equals(findingCategory);
    }
}
