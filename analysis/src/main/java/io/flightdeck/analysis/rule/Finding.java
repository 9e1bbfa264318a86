package io.flightdeck.analysis.rule;

import java.util.Map;

/**
 * A diagnosis: what is wrong, how bad, where, why it matters, what to do, and the numbers behind it.
 *
 * @param id             the rule's id
 * @param category       one of the categories of the CLI contract ("cpu-hotspot", "lock-contention", ...)
 * @param score          0–100; {@link #severity()} follows from it
 * @param evidence       the typed values that triggered the finding, with units in their names
 */
public record Finding(String id, String category, Severity severity, int score, String title, String summary,
        Culprit culprit, Map<String, Object> evidence, String recommendation) {
}
