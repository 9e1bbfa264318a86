package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * One stop-the-world pause. A collection ({@link GcEvent}) has one pause or several (G1's remark and
 * cleanup, ZGC's three short pauses).
 *
 * @param gcId        the collection it belongs to ({@code -1} when the source has no ids)
 * @param name        what the source calls it ("GC Pause", "Pause Remark", "Pause Young (Normal)", ...)
 * @param cause       why the collection ran ("G1 Evacuation Pause", "System.gc()", ...), or "" when unknown
 */
public record GcPause(long gcId, Instant start, Duration duration, GcKind kind, String name, String cause,
        OptionalLong heapBeforeBytes, OptionalLong heapAfterBytes, OptionalLong heapCommittedBytes) {
}
