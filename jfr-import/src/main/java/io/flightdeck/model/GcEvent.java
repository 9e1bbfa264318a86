package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * One garbage collection (a young collection, a concurrent cycle, a full GC) as the JVM reports it.
 *
 * @param collector   the JVM's collector name ("G1New", "G1Old", "G1Full", "ParallelScavenge", "ZGC Major", ...)
 * @param duration    wall time of the whole collection, concurrent phases included
 * @param sumOfPauses total stop-the-world time of this collection
 */
public record GcEvent(long gcId, String collector, GcKind kind, String cause, Instant start, Duration duration,
        Duration sumOfPauses, Duration longestPause, OptionalLong heapBeforeBytes, OptionalLong heapAfterBytes,
        OptionalLong heapCommittedBytes) {
}
