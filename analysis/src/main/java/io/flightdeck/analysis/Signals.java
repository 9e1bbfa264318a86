package io.flightdeck.analysis;

import io.flightdeck.model.EventTypes;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import java.util.List;

/**
 * The one room for the definitions that decide what a signal is, so that the report, the rules, compare, the
 * charts and the flame graphs count the same things.
 */
public final class Signals {
    /** JVM and JFR threads that are not the application's. */
    private static final List<String> INTERNAL_THREADS = List.of("JFR ", "Common-Cleaner", "Reference Handler",
            "Finalizer", "Signal Dispatcher", "Notification Thread", "Attach Listener", "process reaper",
            "DestroyJavaVM", "Monitor Ctrl-Break", "Service Thread", "VM Thread", "VM Periodic Task Thread",
            "C1 CompilerThread", "C2 CompilerThread", "Sweeper thread", "GC Thread", "G1 ", "Cleaner-",
            "RMI TCP Accept", "RMI Scheduler", "JMX server connection timeout", "Java2D Disposer",
            "Async-profiler Timer", "[tid=");

    private Signals() {
    }

    /**
     * A collection a diagnostic tool asked for (a class histogram, a heap dump, a diagnostic command, a debugger's
     * forced GC): an artefact of the measurement, not the application's behaviour. The report lists such pauses
     * (they happened); the rules and compare leave them out.
     */
    public static boolean isDiagnosticGc(String cause) {
        String c = cause == null ? "" : cause.toLowerCase(java.util.Locale.ROOT);
        return c.contains("heap inspection") || c.contains("heap dump") || c.contains("diagnostic command")
                || c.contains("whitebox") || c.contains("jvmti force gc");
    }

    /** A thread of the JVM, of JFR or of a profiler, not of the application (its name is null or starts so). */
    public static boolean isInternalThread(String name) {
        if (name == null) {
            return true;
        }
        for (String p : INTERNAL_THREADS) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The samples that measure allocation: {@code jdk.ObjectAllocationSample} where the recording has it (JDK 16+),
     * else the TLAB events, new-TLAB <em>and</em> outside-TLAB (large objects allocated outside a TLAB are
     * allocation too).
     */
    public static List<SampleKind> allocationKinds(Profile profile) {
        if (!profile.samples(SampleKind.ALLOCATION).isEmpty()) {
            return List.of(SampleKind.ALLOCATION);
        }
        if (!profile.samples(SampleKind.ALLOCATION_IN_NEW_TLAB).isEmpty()
                || !profile.samples(SampleKind.ALLOCATION_OUTSIDE_TLAB).isEmpty()) {
            return List.of(SampleKind.ALLOCATION_IN_NEW_TLAB, SampleKind.ALLOCATION_OUTSIDE_TLAB);
        }
        return List.of(SampleKind.ALLOCATION);
    }

    /** The allocation samples whose stacks and classes lead (the first of {@link #allocationKinds}). */
    public static SampleKind primaryAllocationKind(Profile profile) {
        return allocationKinds(profile).getFirst();
    }

    /** The JFR event type the allocation numbers come from, as the report names it. */
    public static String allocationSource(Profile profile) {
        return primaryAllocationKind(profile) == SampleKind.ALLOCATION ? EventTypes.OBJECT_ALLOCATION_SAMPLE
                : EventTypes.OBJECT_ALLOCATION_IN_NEW_TLAB;
    }

    /**
     * Whether a thread parked on {@code className} waits for a lock (lock contention) rather than for something
     * handed out (a pool's connection, a queue's element, a permit, a future's result: pool starvation):
     * {@code java.util.concurrent.locks}' locks and their sync objects ({@code ReentrantLock$NonfairSync},
     * {@code ReentrantReadWriteLock$…}, {@code StampedLock}), and any other class whose simple name says it is a
     * lock ({@code SpinLock}, {@code CycleDetectingLock…}); never a condition, which waits for a signal.
     */
    public static boolean isLockClass(String className) {
        if (className == null || className.isEmpty()) {
            return false;
        }
        if (className.startsWith("java.util.concurrent.locks.ReentrantLock")
                || className.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock")
                || className.startsWith("java.util.concurrent.locks.StampedLock")) {
            return true;
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.contains("Lock") && !simple.contains("Condition");
    }
}
