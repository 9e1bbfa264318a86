package io.flightdeck.model;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A {@code jdk.OldObjectSample}: an object sampled at allocation that was still alive when the recording ended,
 * a leak candidate.
 *
 * @param stack         where it was allocated ({@link StackTable#NONE} when not recorded)
 * @param root          description of the GC root path when the recording was made with path-to-gc-roots, or ""
 */
public record OldObjectSample(Instant time, Instant allocationTime, String objectClass, int stack, int thread,
        OptionalLong arrayElements, OptionalLong lastKnownHeapUsageBytes, String root) {
}
