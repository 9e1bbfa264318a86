package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.GcPause;

import java.util.List;
import java.util.Optional;

/**
 * Too much of the time in GC pauses (low throughput). When young collections of a heap with room to spare cause it,
 * allocation is the root cause and this finding steps back for the allocation finding.
 */
public final class GcThroughputRule extends GcRuleBase {

    public GcThroughputRule() {
        super("gc-overhead.throughput", "GC pauses take much of the time");
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        List<GcPause> pauses = GcRules.applicationPauses(ctx);
        double seconds = ctx.seconds();
        if (pauses.isEmpty() || seconds <= 0) {
            return Optional.empty();
        }
        double paused = GcRules.seconds(pauses);
        double share = paused / seconds;
        if (share < 0.05) {
            return Optional.empty();
        }
        AnalysisReport.Gc gc = ctx.report().gc();
        boolean allocationDriven = !AllocationPressureRule.heapUnderPressure(ctx)
                && AllocationPressureRule.youngPauseSeconds(ctx) >= 0.8 * paused;
        double score = Scores.share(2 * share) * (allocationDriven ? 0.6 : 1);
        Culprit culprit = GcRules.allocationCulprit(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.GC)
                .title("GC pauses take " + Text.percent(100 * share) + " of the time")
                .summary(pauses.size() + " pauses stopped the application for " + Text.seconds(paused) + " of "
                        + Text.seconds(seconds) + " (throughput " + Text.percent(100 * (1 - share)) + ")"
                        + (allocationDriven ? "; young collections of a heap with room to spare: the allocation rate "
                        + "drives them." : "."))
                .explanation("While the collector pauses the application, no request is served. The score is twice "
                        + "the share of time paused, lower when allocation rather than the heap is the cause.")
                .evidence("pauseSeconds", paused).evidence("pauses", pauses.size())
                .evidence("throughputPercent", 100 * (1 - share)).evidence("collector", gc.collector())
                .evidence("allocationDriven", allocationDriven)
                .evidence("topAllocationSite", culprit == null ? null : culprit.qualified())
                .recommendation(allocationDriven
                        ? "Allocate less (see the allocation finding); a larger young generation (-Xmn, or "
                        + "G1NewSizePercent) makes young collections rarer."
                        : "Give the heap room for its live set (-Xmx), or lower what lives in it; check the GC's "
                        + "choice for the goal (G1 for balance, Parallel for throughput, ZGC for short pauses).");
        return Optional.of(f.build());
    }
}
