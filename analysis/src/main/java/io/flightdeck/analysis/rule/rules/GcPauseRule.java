package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.GcPause;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Single GC pauses long enough for users to notice (latency), whatever the throughput. */
public final class GcPauseRule extends GcRuleBase {
    static final double NOTICEABLE_SECONDS = 0.2;

    public GcPauseRule() {
        super("gc-overhead.long-pauses", "Long GC pauses");
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        List<GcPause> pauses = GcRules.applicationPauses(ctx);
        List<GcPause> longOnes = pauses.stream().filter(p -> p.duration().toNanos() / 1e9 >= NOTICEABLE_SECONDS)
                .toList();
        if (longOnes.isEmpty()) {
            return Optional.empty();
        }
        GcPause longest = pauses.stream().max(Comparator.comparing(GcPause::duration)).orElseThrow();
        double max = longest.duration().toNanos() / 1e9;
        double at = java.time.Duration.between(ctx.profile().info().start(), longest.start()).toNanos() / 1e9;
        double score = Math.min(70, Scores.logScale(max, NOTICEABLE_SECONDS, 30, 40));
        Culprit culprit = GcRules.allocationCulprit(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.GC)
                .title(longOnes.size() + " GC pauses of " + Text.seconds(NOTICEABLE_SECONDS) + " or more")
                .summary("The longest pause lasted " + Text.seconds(max) + " (" + longest.kind().label()
                        + (longest.cause().isEmpty() ? "" : ", " + longest.cause()) + "); " + longOnes.size() + " of "
                        + pauses.size() + " pauses took " + Text.seconds(NOTICEABLE_SECONDS) + " or more.")
                .explanation("Each pause stops every application thread: requests in flight wait for it.")
                .evidence("longestSeconds", max).evidence("longPauses", longOnes.size())
                .evidence("longestKind", longest.kind().label())
                .window(at, at + max)
                .evidence("topAllocationSite", culprit == null ? null : culprit.qualified())
                .recommendation("Set a pause goal the collector can meet (G1: -XX:MaxGCPauseMillis), keep the young "
                        + "generation's survivors small, or use a low-pause collector (ZGC, Shenandoah) when latency "
                        + "matters more than throughput.");
        return Optional.of(f.build());
    }
}
