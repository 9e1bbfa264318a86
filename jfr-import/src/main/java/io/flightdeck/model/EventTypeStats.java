package io.flightdeck.model;

/** How many events of one type a source holds and how many bytes they take, as {@code jfr summary} counts them. */
public record EventTypeStats(String name, long count, long bytes) {
}
