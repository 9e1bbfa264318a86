package io.flightdeck.analysis.rule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a finding points in the code: a class, and a method of it when known ({@code pkg.Class.method}). */
public record Culprit(@JsonProperty("class") String className, String method) {
}
