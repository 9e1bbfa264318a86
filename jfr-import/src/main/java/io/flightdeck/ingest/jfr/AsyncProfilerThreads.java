package io.flightdeck.ingest.jfr;

import java.util.List;

/**
 * Thread names in recordings written by async-profiler, which names threads differently from the JVM's recorder:
 * <ul>
 *   <li>It samples every thread of the process, also the JVM's own (compiler, GC, VM threads) that have no Java
 *       name; those carry only the OS name, which Linux cuts to 15 bytes ("C2 CompilerThre"). The JVM's thread
 *       names are restored from that prefix, so they read as in a recording of the JVM's recorder.</li>
 *   <li>It names a thread by the name it had when the recording was written. The launcher's main thread, once
 *       {@code main} has returned, is attached again as "DestroyJavaVM" (same OS thread), so everything the
 *       program did in {@code main} would be shown under that name; it is shown as "main", the name it ran under.</li>
 * </ul>
 */
final class AsyncProfilerThreads {
    private AsyncProfilerThreads() {
    }

    /** Linux keeps 15 bytes of a thread's name (TASK_COMM_LEN less the terminating zero). */
    static final int OS_NAME_LENGTH = 15;

    /** Names HotSpot gives its own threads, up to the numbers it appends. */
    static final List<String> JVM_THREADS = List.of("C1 CompilerThread", "C2 CompilerThread", "VM Periodic Task Thread",
            "VM Thread", "Reference Handler", "Signal Dispatcher", "Notification Thread", "Monitor Deflation Thread",
            "Service Thread", "Sweeper thread", "Common-Cleaner", "Attach Listener", "JVMCI CompilerThread",
            "G1 Main Marker", "G1 Conc#", "G1 Refine#", "G1 Service", "GC Thread#", "VM JFR Buffer Thread",
            "StringDedupThread", "Finalizer");

    /** The launcher's main thread after {@code main} returned. */
    static final String DESTROY_JAVA_VM = "DestroyJavaVM";

    static String name(String javaName, String osName) {
        if (javaName != null) {
            return javaName.equals(DESTROY_JAVA_VM) ? "main" : javaName;
        }
        if (osName == null) {
            return null;
        }
        if (osName.length() == OS_NAME_LENGTH) {
            for (String full : JVM_THREADS) {
                if (full.length() > OS_NAME_LENGTH && full.startsWith(osName)) {
                    return full;
                }
            }
        }
        return osName;
    }
}
