package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A time the application threads were stopped at a safepoint, for a GC or any other VM operation (from a GC log's
 * safepoint lines).
 *
 * @param operation the VM operation ("G1CollectForAllocation", "Cleanup", ...), "" when the log does not name it
 */
public record Safepoint(Instant start, Duration duration, String operation) {
}
