package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A phase inside a GC pause ({@code jdk.GCPhasePauseLevel1}) or a concurrent phase ({@code jdk.GCPhaseConcurrent}).
 */
public record GcPhase(long gcId, String name, Instant start, Duration duration, boolean concurrent) {
}
