package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A thread that had to wait for the collector (ZGC's "Allocation Stall" and "Relocation Stall"): not a
 * stop-the-world pause, but time the thread could not run.
 */
public record ThreadStall(Instant start, Duration duration, String kind, String thread) {
}
