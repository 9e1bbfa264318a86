package io.flightdeck.model;

/**
 * The kinds of per-event samples a {@link Profile} keeps in columnar form, with the columns each one fills.
 * <ul>
 *   <li>duration: nanoseconds the thread spent (blocked, parked, in I/O, ...);</li>
 *   <li>weight: bytes (allocation, I/O) — absent means 1 per sample;</li>
 *   <li>key: a {@link SymbolTable} id (allocated class, monitor class, host:port, path, exception class);</li>
 *   <li>aux: a second id whose meaning is given per kind below.</li>
 * </ul>
 */
public enum SampleKind {
    /** {@code jdk.ExecutionSample}: a thread running Java code. */
    CPU(false, false, false, false),
    /** {@code jdk.NativeMethodSample}: a thread in native code (often blocked in I/O). */
    NATIVE(false, false, false, false),
    /** {@code jdk.ObjectAllocationSample}: weight = bytes allocated since the thread's previous sample. */
    ALLOCATION(false, true, true, false),
    /** {@code jdk.ObjectAllocationInNewTLAB}: weight = TLAB size in bytes. */
    ALLOCATION_IN_NEW_TLAB(false, true, true, false),
    /** {@code jdk.ObjectAllocationOutsideTLAB}: weight = allocation size in bytes. */
    ALLOCATION_OUTSIDE_TLAB(false, true, true, false),
    /** {@code jdk.JavaMonitorEnter}: key = monitor class, aux = previous owner (thread id). */
    MONITOR_ENTER(true, false, true, true),
    /** {@code jdk.JavaMonitorWait}: key = monitor class, aux = notifier (thread id). */
    MONITOR_WAIT(true, false, true, true),
    /** {@code jdk.ThreadPark}: key = class of the parked-on object (the blocker). */
    THREAD_PARK(true, false, true, false),
    /** {@code jdk.ThreadSleep}. */
    THREAD_SLEEP(true, false, false, false),
    /** {@code jdk.SocketRead}: weight = bytes read, key = "host:port". */
    SOCKET_READ(true, true, true, false),
    /** {@code jdk.SocketWrite}: weight = bytes written, key = "host:port". */
    SOCKET_WRITE(true, true, true, false),
    /** {@code jdk.FileRead}: weight = bytes read, key = path. */
    FILE_READ(true, true, true, false),
    /** {@code jdk.FileWrite}: weight = bytes written, key = path. */
    FILE_WRITE(true, true, true, false),
    /** {@code jdk.FileForce}: key = path. */
    FILE_FORCE(true, false, true, false),
    /** {@code jdk.JavaExceptionThrow}: key = thrown class, aux = message (symbol id). */
    EXCEPTION(false, false, true, true),
    /** {@code jdk.JavaErrorThrow}: key = thrown class, aux = message (symbol id). */
    ERROR(false, false, true, true),
    /** {@code jdk.ThreadStart}: thread = the new thread, aux = the thread that started it, stack = where. */
    THREAD_START(false, false, false, true),
    /** {@code jdk.ThreadEnd}: thread = the thread that ended. */
    THREAD_END(false, false, false, false),
    /**
     * Wall-clock samples (async-profiler's {@code profiler.WallClockSample}, or its {@code jdk.ExecutionSample}s
     * that carry a thread state in wall mode): every thread, running or not. weight = ticks the event stands for,
     * key = the thread state (symbol id, e.g. "STATE_RUNNABLE", "STATE_SLEEPING"). Running ones are also in
     * {@link #CPU}.
     */
    WALL(false, true, true, false);

    private final boolean hasDuration;
    private final boolean hasWeight;
    private final boolean hasKey;
    private final boolean hasAux;

    SampleKind(boolean hasDuration, boolean hasWeight, boolean hasKey, boolean hasAux) {
        this.hasDuration = hasDuration;
        this.hasWeight = hasWeight;
        this.hasKey = hasKey;
        this.hasAux = hasAux;
    }

    public boolean hasDuration() {
        return hasDuration;
    }

    public boolean hasWeight() {
        return hasWeight;
    }

    public boolean hasKey() {
        return hasKey;
    }

    public boolean hasAux() {
        return hasAux;
    }
}
