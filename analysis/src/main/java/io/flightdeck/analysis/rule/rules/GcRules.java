package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;

import java.util.List;

/** What the GC rules share: which pauses are the application's, and which collections were asked for by tools. */
final class GcRules {
    private GcRules() {
    }

    /** Collections a diagnostic tool asked for (a class histogram, a heap dump): not the application's problem. */
    static boolean isDiagnostic(String cause) {
        return io.flightdeck.analysis.Signals.isDiagnosticGc(cause);
    }

    static boolean isExplicit(String cause) {
        return cause != null && cause.equals("System.gc()");
    }

    /** The selection's pauses without the ones diagnostic tools caused ({@link io.flightdeck.analysis.Analysis}). */
    static List<GcPause> applicationPauses(RuleContext ctx) {
        return ctx.analysis().applicationPauses();
    }

    /** Full collections the application caused (its allocation or its System.gc() calls). */
    static long applicationFullGcs(RuleContext ctx) {
        return applicationPauses(ctx).stream().filter(p -> p.kind() == GcKind.FULL).count();
    }

    static double seconds(List<GcPause> pauses) {
        return pauses.stream().mapToLong(p -> p.duration().toNanos()).sum() / 1e9;
    }

    /**
     * Where the collector's work comes from: the application method that allocates the most bytes (what fills the
     * heap between collections), or null without allocation samples from application code.
     */
    static Culprit allocationCulprit(RuleContext ctx) {
        return ctx.<java.util.Optional<Culprit>>memo("gc-allocation-culprit",
                () -> java.util.Optional.ofNullable(ctx.culpritOf(AllocationPressureRule.topApplicationSite(ctx))))
                .orElse(null);
    }

    static boolean hasGc(RuleContext ctx) {
        return !ctx.profile().gcPauses().isEmpty() || ctx.profile().eventCount(EventTypes.GARBAGE_COLLECTION) > 0;
    }
}
