package io.flightdeck.model;

/** One class in a heap histogram. */
public record HistogramRow(String className, long instances, long bytes) {
}
