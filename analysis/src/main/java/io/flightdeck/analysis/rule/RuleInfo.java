package io.flightdeck.analysis.rule;

import java.util.List;

/**
 * What a rule is: its stable id ("category.what"), its title, the contract's category of its findings, the JFR
 * event types it reads and what to record when it cannot run.
 */
public record RuleInfo(String id, String title, Category category, List<String> requiredEvents, String howToRecord) {
    public RuleInfo {
        requiredEvents = List.copyOf(requiredEvents);
    }
}
