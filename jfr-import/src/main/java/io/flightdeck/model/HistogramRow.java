package io.flightdeck.model;

import java.util.Optional;

/**
 * One class in a heap histogram.
 *
 * @param className the JVM's name as the source gives it ("[B", "java.lang.String", "Foo$$Lambda/0x…")
 * @param module    the module column of a JDK 9+ class histogram ("java.base@17.0.15"); absent for JDK 8 text,
 *                  for classes in the unnamed module, and for JFR object counts
 */
public record HistogramRow(String className, long instances, long bytes, Optional<String> module) {
    public HistogramRow {
        module = module == null ? Optional.empty() : module;
    }

    /** A row without a module. */
    public HistogramRow(String className, long instances, long bytes) {
        this(className, instances, bytes, Optional.empty());
    }
}
