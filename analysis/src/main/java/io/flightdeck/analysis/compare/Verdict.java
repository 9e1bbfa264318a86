package io.flightdeck.analysis.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a comparison concludes, in the words of the CLI contract. */
public enum Verdict {
    IMPROVED("improved"), REGRESSED("regressed"), MIXED("mixed"), NO_SIGNIFICANT_CHANGE("no-significant-change"),
    NOT_COMPARABLE("not-comparable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
