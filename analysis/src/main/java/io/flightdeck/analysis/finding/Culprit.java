package io.flightdeck.analysis.finding;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a finding points in the code: the class, and the method of it when known (its simple name, e.g.
 * {@code recordMovement}; {@link #qualified()} is {@code pkg.Class.recordMovement}).
 */
public record Culprit(@JsonProperty("class") String className, String method) {
    public String qualified() {
        return method == null ? className : className + "." + method;
    }
}
