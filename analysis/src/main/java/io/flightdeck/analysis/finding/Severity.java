package io.flightdeck.analysis.finding;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a finding is; derived from its score (0–100) so the two never disagree. */
public enum Severity {
    INFO("info"), WARNING("warning"), CRITICAL("critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Below 50 info, 50–74 warning, 75 and above critical. */
    public static Severity ofScore(int score) {
        if (score >= 75) {
            return CRITICAL;
        }
        if (score >= 50) {
            return WARNING;
        }
        return INFO;
    }
}
