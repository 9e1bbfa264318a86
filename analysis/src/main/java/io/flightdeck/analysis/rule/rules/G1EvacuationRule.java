package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.GcPause;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * G1 in trouble: collections caused by humongous allocations (objects of half a region or more), and evacuation
 * failures (to-space exhausted: no room to copy survivors into).
 */
public final class G1EvacuationRule extends GcRuleBase {
    /** Collections per second started by humongous allocations that make a finding. */
    static final double MIN_HUMONGOUS_RATE = 1;
    /** ... and the share of the time their pauses must take. */
    static final double MIN_HUMONGOUS_TIME_SHARE = 0.02;

    public G1EvacuationRule() {
        super("gc-overhead.g1-humongous-evacuation", "Humongous allocations and evacuation failures");
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        List<GcPause> pauses = GcRules.applicationPauses(ctx);
        long humongous = pauses.stream().filter(p -> p.cause().contains("Humongous")).count();
        long failures = pauses.stream().filter(p -> {
            String n = p.name().toLowerCase(Locale.ROOT);
            return n.contains("to-space") || n.contains("evacuation failure");
        }).count();
        if (pauses.isEmpty() || humongous < 3 && failures == 0) {
            return Optional.empty();
        }
        double humongousShare = humongous / (double) pauses.size();
        double humongousRate = humongous / Math.max(1e-9, ctx.seconds());
        double humongousTimeShare = GcRules.seconds(pauses.stream().filter(p -> p.cause().contains("Humongous"))
                .toList()) / Math.max(1e-9, ctx.seconds());
        // a few humongous collections (large arrays made once at start-up) cost nothing; a steady stream does
        if (failures == 0 && (humongousShare < 0.2 || humongousRate < MIN_HUMONGOUS_RATE
                || humongousTimeShare < MIN_HUMONGOUS_TIME_SHARE)) {
            return Optional.empty();
        }
        double score = failures > 0 ? 55 + Math.min(30, 5 * failures) : 40 + Math.min(30, 50 * humongousShare);
        Culprit culprit = GcRules.allocationCulprit(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.GC)
                .title(failures > 0 ? failures + " evacuation failures" : humongous + " collections caused by humongous "
                        + "allocations")
                .summary((failures > 0 ? failures + " collections ran out of room to copy live objects (to-space "
                        + "exhausted), which makes them slow and can end in a full GC. " : "")
                        + (humongous > 0 ? humongous + " of " + pauses.size() + " collections were started by "
                        + "humongous allocations." : ""))
                .explanation("G1 stores objects of half a region or more (humongous) in whole regions of their own; "
                        + "allocating many of them triggers collections and fragments the heap. An evacuation "
                        + "failure means survivors had nowhere to go.")
                .evidence("humongousCollections", humongous).evidence("evacuationFailures", failures)
                .evidence("collections", pauses.size())
                .evidence("humongousPauseSharePercent", 100 * humongousTimeShare)
                .evidence("topAllocationSite", culprit == null ? null : culprit.qualified())
                .recommendation("Avoid large short-lived arrays (stream instead of buffering whole payloads, reuse "
                        + "buffers) or raise -XX:G1HeapRegionSize so they are no longer humongous; give the heap "
                        + "more room (-Xmx) or a larger reserve (-XX:G1ReservePercent) against evacuation failures.");
        return Optional.of(f.build());
    }
}
