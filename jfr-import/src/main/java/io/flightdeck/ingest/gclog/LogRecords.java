package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;

/** What the GC log parsers extract, before it is placed on a time axis. Sizes are bytes, -1 when not logged. */
final class LogRecords {
    private LogRecords() {
    }

    /**
     * One stop-the-world pause as the log writes it.
     *
     * @param start   when the pause began
     * @param seconds how long it lasted
     * @param name    the log's words for it ("Pause Young (Normal)", "GC pause (young)", "Full GC", ...)
     * @param cause   why it ran ("G1 Evacuation Pause", "Allocation Failure", "System.gc()"), "" when not logged
     * @param flags   notable conditions logged with it ("to-space exhausted", "concurrent mode failure", ...)
     */
    record Pause(long gcId, LogTime start, double seconds, GcKind kind, String name, String cause, long heapBefore,
            long heapAfter, long heapCommitted, String flags) {
    }

    /** A concurrent phase (marking, sweeping, relocation, ...), running beside the application. */
    record Phase(long gcId, String name, LogTime start, double seconds) {
    }

    /**
     * A whole collection cycle as the log summarises it: G1's "Concurrent Cycle" / "Concurrent Mark Cycle", ZGC's
     * "Garbage Collection" / "Major Collection" / "Minor Collection", Shenandoah's cycle.
     *
     * @param seconds the cycle's duration, or NaN when the log does not say
     */
    record Cycle(long gcId, String name, String cause, LogTime start, double seconds, long heapBefore,
            long heapAfter, long heapCommitted) {
    }

    /** Time the application threads were stopped at a safepoint (GC or not). */
    record Safepoint(String operation, LogTime start, double seconds) {
    }

    /** A thread stalled waiting for memory (ZGC's "Allocation Stall", "Relocation Stall"). */
    record Stall(String what, String thread, LogTime end, double seconds) {
    }

    /** One generation's or region type's occupancy across a collection ("Eden regions: 12->0(14)", "PSYoungGen: ..."). */
    record Space(long gcId, String space, long before, long after, long committed) {
    }
}
