package io.flightdeck.analysis.rule;

import java.util.List;

/**
 * A rule's description held once, as data ({@link RuleInfo}), so a rule class says what it is in one statement and
 * spends its lines on the diagnosis.
 */
public abstract class RuleBase implements Rule {
    private final RuleInfo info;

    protected RuleBase(RuleInfo info) {
        this.info = info;
    }

    public RuleInfo info() {
        return info;
    }

    @Override
    public final String id() {
        return info.id();
    }

    @Override
    public final String title() {
        return info.title();
    }

    @Override
    public final String category() {
        return info.category().label();
    }

    @Override
    public final List<String> requiredEvents() {
        return info.requiredEvents();
    }

    @Override
    public final String howToRecord() {
        return info.howToRecord();
    }
}
