package io.flightdeck.model;

/** The time series a {@link Profile} may hold, with their units. */
public enum SeriesKey {
    /** {@code jdk.CPULoad.jvmUser}: share of all CPUs (0..1). */
    CPU_JVM_USER(TimeSeries.Unit.RATIO),
    /** {@code jdk.CPULoad.jvmSystem}: share of all CPUs (0..1). */
    CPU_JVM_SYSTEM(TimeSeries.Unit.RATIO),
    /** {@code jdk.CPULoad.machineTotal}: share of all CPUs used by every process on the machine (0..1). */
    CPU_MACHINE_TOTAL(TimeSeries.Unit.RATIO),
    /** {@code jdk.JavaThreadStatistics.activeCount}. */
    THREADS_ACTIVE(TimeSeries.Unit.COUNT),
    /** {@code jdk.JavaThreadStatistics.accumulatedCount}: threads started since JVM start. */
    THREADS_ACCUMULATED(TimeSeries.Unit.COUNT),
    /** {@code jdk.GCHeapSummary.heapUsed}, every summary (before and after each GC). */
    HEAP_USED(TimeSeries.Unit.BYTES),
    /** {@code jdk.GCHeapSummary.heapSpace.committedSize}. */
    HEAP_COMMITTED(TimeSeries.Unit.BYTES),
    /** {@code jdk.ExceptionStatistics.throwables}: throwables created since JVM start. */
    THROWABLES_CREATED(TimeSeries.Unit.COUNT),
    /**
     * Allocation rate between consecutive collections: heap used before a GC minus heap used after the previous
     * one, over the time between their starts; one point per collection.
     */
    ALLOCATION_RATE(TimeSeries.Unit.BYTES_PER_SECOND),
    /** {@code jdk.ClassLoadingStatistics.loadedClassCount}. */
    CLASSES_LOADED(TimeSeries.Unit.COUNT),
    /**
     * Bytes promoted from the young to the old generation by each young collection (GC logs that print both the
     * young generation's and the whole heap's occupancy, or per-generation heap lines); one point per collection.
     */
    PROMOTED_BYTES(TimeSeries.Unit.BYTES),
    /** Old generation occupancy after each collection, where a GC log prints it per generation. */
    OLD_AFTER_GC(TimeSeries.Unit.BYTES);

    private final TimeSeries.Unit unit;

    SeriesKey(TimeSeries.Unit unit) {
        this.unit = unit;
    }

    public TimeSeries.Unit unit() {
        return unit;
    }
}
