package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.model.EventTypes;
import java.util.List;
import java.util.Optional;

/**
 * One diagnosis rule: stateless, so one instance serves every analysis and rules can run in parallel.
 * {@link #evaluate} returns a finding when there is something to say, or nothing when all is well; it throws
 * {@link NotApplicable} when the data it needs is not in the sources.
 */
public interface Rule {
    /** Stable id, "category.what" (e.g. "lock-contention.monitor"). */
    String id();

    /** What the rule looks for, in a few words. */
    String title();

    /** The CLI contract's category of its findings. */
    String category();

    /**
     * The JFR event types the rule reads; it applies when any of them is in the sources (rules that can also
     * read a GC log or a histogram override {@link #applies}).
     */
    List<String> requiredEvents();

    /** What to record next time when the rule could not run: the JFR settings or -Xlog options. */
    String howToRecord();

    default boolean applies(RuleContext ctx) {
        return requiredEvents().stream().anyMatch(t -> ctx.profile().eventCount(t) > 0)
                || requiredEvents().contains(EventTypes.EXECUTION_SAMPLE) && ctx.hasCpuSamples();
    }

    Optional<Finding> evaluate(RuleContext ctx);

    /** The rule cannot judge this selection, and says why. */
    final class NotApplicable extends RuntimeException {
        public NotApplicable(String reason) {
            super(reason, null, false, false);
        }
    }
}
