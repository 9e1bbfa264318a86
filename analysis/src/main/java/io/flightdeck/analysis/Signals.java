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

    /** The CPU time one execution sample stands for when the recording does not say: JFR's default period. */
    public static final double DEFAULT_CPU_SAMPLE_SECONDS = 0.020;

    /**
     * Where a pool's worker waits for its next task, or a timer thread for its next run: a thread parked or
     * waiting under such a frame is idle, not blocked, starved or slow.
     */
    public static boolean isIdleWaitFrame(String qualifiedMethod) {
        return qualifiedMethod.equals("java.util.concurrent.ThreadPoolExecutor.getTask")
                || qualifiedMethod.startsWith("java.util.concurrent.ForkJoinPool.awaitWork")
                || qualifiedMethod.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take")
                || qualifiedMethod.startsWith("java.util.TimerThread.mainLoop");
    }

    /**
     * The CPU time one execution sample stands for: the recording's {@code jdk.ExecutionSample} period
     * (20 ms when it does not say).
     */
    public static double cpuSampleSeconds(Profile profile) {
        java.util.Map<String, String> s = profile.eventSettings().get(EventTypes.EXECUTION_SAMPLE);
        String period = s == null ? null : s.get("period");
        double parsed = period == null ? Double.NaN : parsePeriod(period);
        return Double.isNaN(parsed) || parsed <= 0 ? DEFAULT_CPU_SAMPLE_SECONDS : parsed;
    }

    /** A JFR period setting ("10 ms", "20ms", "1 s", "500 us") in seconds, or NaN when it is not one. */
    public static double parsePeriod(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        double unit;
        int cut;
        if (t.endsWith("ms")) {
            unit = 1e-3;
            cut = 2;
        } else if (t.endsWith("us")) {
            unit = 1e-6;
            cut = 2;
        } else if (t.endsWith("ns")) {
            unit = 1e-9;
            cut = 2;
        } else if (t.endsWith("s")) {
            unit = 1;
            cut = 1;
        } else {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.substring(0, t.length() - cut).strip()) * unit;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The application's pauses: every pause of the selection except those a diagnostic tool asked for
     * ({@link #isDiagnosticGc}).
     */
    public static List<io.flightdeck.model.GcPause> applicationPauses(List<io.flightdeck.model.GcPause> pauses) {
        return pauses.stream().filter(p -> !isDiagnosticGc(p.cause())).toList();
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
