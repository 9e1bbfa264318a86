package io.flightdeck.analysis.flame;

import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import java.util.List;

/**
 * What a flame graph shows, and which samples make it up.
 * <ul>
 *   <li>{@link #CPU}: {@code jdk.ExecutionSample}, one per sample (threads running Java code; threads in native code,
 *       {@code jdk.NativeMethodSample}, are mostly waiting and are left out, as the CPU hot-method table does);</li>
 *   <li>{@link #ALLOC}: bytes allocated, from {@code jdk.ObjectAllocationSample}; recordings without it (JDK before 16)
 *       use the TLAB events, {@code jdk.ObjectAllocationInNewTLAB} plus {@code jdk.ObjectAllocationOutsideTLAB} —
 *       the same choice the allocation section of the analysis makes;</li>
 *   <li>{@link #LOCK}: nanoseconds waited, from {@code jdk.JavaMonitorEnter} (blocked on a monitor) plus
 *       {@code jdk.ThreadPark} (parked on a lock or condition).</li>
 * </ul>
 */
public enum FlameKind {
    CPU(CallTree.Weight.SAMPLES),
    ALLOC(CallTree.Weight.BYTES),
    LOCK(CallTree.Weight.NANOS);

    private final CallTree.Weight weight;

    FlameKind(CallTree.Weight weight) {
        this.weight = weight;
    }

    public CallTree.Weight weight() {
        return weight;
    }

    /** The sample sets of a profile this kind adds up. */
    public List<SampleKind> sampleKinds(Profile profile) {
        return switch (this) {
            case CPU -> List.of(SampleKind.CPU);
            case ALLOC -> io.flightdeck.analysis.Signals.allocationKinds(profile);
            case LOCK -> List.of(SampleKind.MONITOR_ENTER, SampleKind.THREAD_PARK);
        };
    }

    /** The unit of a weight in words: "samples", "bytes", "nanoseconds". */
    public String unit() {
        return switch (weight) {
            case SAMPLES -> "samples";
            case BYTES -> "bytes";
            case NANOS -> "nanoseconds";
        };
    }
}
