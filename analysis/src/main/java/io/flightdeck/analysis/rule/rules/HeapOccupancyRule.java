package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * The live set fills the heap: heap used right after a collection above 80 % of the maximum (the budget). The
 * collector then runs often and gains little; the next step is an OutOfMemoryError.
 */
public final class HeapOccupancyRule extends GcRuleBase {
    static final double BUDGET_PERCENT = 80;

    public HeapOccupancyRule() {
        super(new RuleInfo("gc-overhead.heap-after-gc",
                "The heap is too small for its live set",
                Category.GC_OVERHEAD,
                List.of(EventTypes.GC_HEAP_SUMMARY),
                "enable jdk.GCHeapSummary and jdk.GCHeapConfiguration, or give the GC log (-Xlog:gc*)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        AnalysisReport.Gc gc = ctx.report().gc();
        Double percent = gc.heapAfterGcMaxPercentOfMax();
        if (percent == null || percent < BUDGET_PERCENT) {
            return Optional.empty();
        }
        double score = 55 + Math.min(35, (percent - BUDGET_PERCENT) * 2);
        long max = ctx.profile().info().maxHeapBytes().orElse(0);
        Culprit culprit = GcRules.allocationCulprit(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.GC)
                .title("Heap after GC at " + Text.percent(percent) + " of the maximum")
                .summary("Right after a collection the heap still held " + Text.percent(percent) + " of its maximum ("
                        + io.flightdeck.analysis.format.Format.bytes(gc.heapAfterGcMaxBytes()) + " of "
                        + io.flightdeck.analysis.format.Format.bytes(max) + "), above the "
                        + Text.percent(BUDGET_PERCENT) + " budget.")
                .explanation("What survives a collection is the live set; with little room above it the collector "
                        + "runs constantly and each run frees little.")
                .evidence("heapAfterGcMaxPercentOfMax", percent).evidence("heapAfterGcMaxBytes", gc.heapAfterGcMaxBytes())
                .evidence("maxHeapBytes", max > 0 ? max : null)
                .evidence("topAllocationSite", culprit == null ? null : culprit.qualified())
                .recommendation("Raise -Xmx so the live set stays under 60–70 % of it, or make the live set smaller "
                        + "(bounded caches, fewer copies); if heap after GC keeps growing, look for a leak.");
        return Optional.of(f.build());
    }
}
