package io.flightdeck.analysis.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one rule made of one selection: a finding, nothing to report, not applicable (and why), or a failure.
 *
 * @param reason for NOT_APPLICABLE and FAILED: why, and for missing data what to record next time; for OK, when
 *               the events the rule reads were enabled and none was recorded, that fact
 */
@JsonPropertyOrder({"rule", "category", "status", "score", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleResult(String rule, String category, Status status, Integer score, String reason) {

    public enum Status {
        FINDING("finding"), OK("ok"), NOT_APPLICABLE("not-applicable"), FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }
}
