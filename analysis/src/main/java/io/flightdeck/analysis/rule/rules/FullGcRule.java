package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;

import java.util.List;
import java.util.Optional;

/**
 * Full collections: the whole heap collected in one stop-the-world pause. Explicit System.gc() calls are named as
 * such; collections a diagnostic tool asked for (a class histogram, a heap dump) are not held against the
 * application.
 */
public final class FullGcRule extends GcRuleBase {

    public FullGcRule() {
        super("gc-overhead.full-gc", "Full GCs stop the application");
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        List<GcPause> full = GcRules.applicationPauses(ctx).stream().filter(p -> p.kind() == GcKind.FULL).toList();
        if (full.isEmpty()) {
            return diagnosticOnly(ctx);
        }
        long explicit = full.stream().filter(p -> GcRules.isExplicit(p.cause())).count();
        double seconds = GcRules.seconds(full);
        double max = full.stream().mapToLong(p -> p.duration().toNanos()).max().orElse(0) / 1e9;
        double share = seconds / Math.max(1e-9, ctx.seconds());
        double score = 52 + Math.min(38, 200 * share + 3 * (full.size() - 1));
        String cause = full.getFirst().cause();
        boolean allExplicit = explicit == full.size();
        Culprit culprit = GcRules.allocationCulprit(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.GC)
                .title(allExplicit ? full.size() + " full GCs from System.gc() calls"
                        : full.size() + (full.size() == 1 ? " full GC" : " full GCs") + " stopped the application")
                .summary(full.size() + " full collections paused the application for " + Text.seconds(seconds)
                        + " (longest " + Text.seconds(max) + ")" + (explicit > 0 ? "; " + explicit
                        + " of them were requested by System.gc()" : "; cause: " + (cause.isEmpty() ? "not recorded"
                        : cause)) + ".")
                .explanation("A full GC collects the whole heap in one stop-the-world pause, usually far longer than "
                        + "young collections; with G1, ZGC and Shenandoah it means the concurrent collector fell "
                        + "behind or was bypassed.")
                .evidence("fullGcs", full.size()).evidence("fullGcSeconds", seconds).evidence("longestSeconds", max)
                .evidence("explicitGcs", explicit).evidence("cause", cause.isEmpty() ? null : cause)
                .evidence("topAllocationSite", culprit == null ? null : culprit.qualified())
                .recommendation(allExplicit
                        ? "Remove the System.gc() calls (or run with -XX:+DisableExplicitGC, or "
                        + "-XX:+ExplicitGCInvokesConcurrent with G1); RMI's distributed GC calls it hourly "
                        + "(-Dsun.rmi.dgc.client.gcInterval)."
                        : "Give the heap room (-Xmx) for the live set plus the allocation between collections; with "
                        + "G1, start marking earlier (-XX:InitiatingHeapOccupancyPercent) and avoid humongous "
                        + "objects; check for a leak if the heap after GC keeps growing.");
        return Optional.of(f.build());
    }

    /** Full collections that only a diagnostic tool asked for: worth knowing, not the application's problem. */
    private Optional<Finding> diagnosticOnly(RuleContext ctx) {
        List<GcPause> tools = ctx.profile().gcPauses().stream()
                .filter(p -> ctx.selection().includesTime(p.start()) && p.kind() == GcKind.FULL
                        && GcRules.isDiagnostic(p.cause())).toList();
        if (tools.isEmpty()) {
            return Optional.empty();
        }
        double seconds = GcRules.seconds(tools);
        return Optional.of(Findings.of(this).score(20).view(ViewKey.GC)
                .title(tools.size() + (tools.size() == 1 ? " full GC" : " full GCs") + " requested by a diagnostic tool")
                .summary(tools.size() + " full collections (" + Text.seconds(seconds) + ") were caused by "
                        + tools.getFirst().cause() + " — a class histogram or heap dump taken with jcmd or jmap — "
                        + "not by the application.")
                .explanation("Taking a class histogram or a heap dump first collects the whole heap; such pauses "
                        + "are the price of the diagnosis, not a GC problem.")
                .evidence("fullGcs", tools.size()).evidence("fullGcSeconds", seconds)
                .evidence("cause", tools.getFirst().cause())
                .recommendation("Nothing to fix in the application; take histograms and dumps outside busy hours.")
                .build());
    }
}
