package io.flightdeck.analysis.output;

/** Output formats of {@code analyze} and {@code export}. */
public enum ReportFormat {
    TEXT, MD, HTML, JSON
}
