package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * So much allocation that young collections cost real time. The finding names the allocating application method
 * and the pattern where the classes give it away: boxing (Long, Integer, ... from collections of wrappers),
 * string building, temporary arrays.
 */
public final class AllocationPressureRule extends RuleBase {
    private static final Set<String> BOXES = Set.of("java.lang.Long", "java.lang.Integer", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean");

    public AllocationPressureRule() {
        super(new RuleInfo("allocation-pressure.rate",
                "Allocation keeps the collector busy",
                Category.ALLOCATION_PRESSURE,
                List.of(EventTypes.OBJECT_ALLOCATION_SAMPLE, EventTypes.OBJECT_ALLOCATION_IN_NEW_TLAB, EventTypes.GARBAGE_COLLECTION),
                "enable jdk.ObjectAllocationSample (JFR 'profile' or 'default' settings) and GC events"));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return super.applies(ctx) || !ctx.profile().gcPauses().isEmpty();
    }

    /** Seconds of young and mixed collection pauses in the selection. */
    static double youngPauseSeconds(RuleContext ctx) {
        double s = 0;
        for (GcPause p : ctx.profile().gcPauses()) {
            if (ctx.selection().includesTime(p.start()) && (p.kind() == GcKind.YOUNG || p.kind() == GcKind.MIXED)) {
                s += p.duration().toNanos() / 1e9;
            }
        }
        return s;
    }

    /** The heap, not the allocation, is the problem when the live set fills it or full collections run. */
    static boolean heapUnderPressure(RuleContext ctx) {
        AnalysisReport.Gc gc = ctx.report().gc();
        Double after = gc.heapAfterGcMaxPercentOfMax();
        return after != null && after >= 60 || GcRules.applicationFullGcs(ctx) > 0;
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        if (!GcRules.hasGc(ctx) && SampledSignals.gcThreadCpuShare(ctx) > 0) {
            return fromGcThreadSamples(ctx);
        }
        AnalysisReport.Allocation a = ctx.report().allocation();
        AnalysisReport.Gc gc = ctx.report().gc();
        double rate = a.bytesPerSecond() > 0 ? a.bytesPerSecond()
                : Double.isFinite(gc.allocationRateBytesPerSecond()) ? gc.allocationRateBytesPerSecond() : 0;
        double youngShare = youngPauseSeconds(ctx) / Math.max(1e-9, ctx.seconds());
        double score;
        if (youngShare >= 0.02) {
            score = Scores.share(2 * youngShare);
        } else {
            score = Math.min(35, Scores.logScale(rate, 300e6, 20, 15)); // fast allocation that costs little
        }
        String boxClass = null;
        double boxShare = 0;
        for (AnalysisReport.ClassBytes c : a.byClass()) {
            if (BOXES.contains(c.className())) {
                boxShare += c.percent();
                if (boxClass == null) {
                    boxClass = c.className();
                }
            }
        }
        boolean boxing = boxShare >= 30;
        if (boxing && youngShare >= 0.02) {
            score += 10;
        }
        boolean heap = heapUnderPressure(ctx);
        if (heap) {
            score *= 0.6;
        }
        if (score < 15) {
            return Optional.empty();
        }
        int site = topApplicationSite(ctx);
        AnalysisReport.ClassBytes top = a.byClass().isEmpty() ? null : a.byClass().getFirst();
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view(ViewKey.MEMORY)
                .title((siteName != null ? Text.simple(siteName) + " allocates " : "The application allocates ")
                        + Text.rate(rate / 1e6).replace("/s", " MB/s")
                        + (boxing ? ", mostly boxed " + Text.simpleClass(boxClass) + "s" : ""))
                .summary("The application allocated " + Text.rate(rate / 1e6).replace("/s", " MB/s") + "; young "
                        + "collections took " + Text.percent(100 * youngShare) + " of the time"
                        + (top == null ? "" : "; " + Text.percent(top.percent()) + " of the bytes are " + top.className())
                        + (siteName == null ? "" : ", allocated mostly in " + siteName) + "."
                        + (heap ? " The heap is also nearly full, which makes collections more expensive." : ""))
                .explanation("Every allocated byte is work for the garbage collector; when young collections take a "
                        + "noticeable share of the time, allocating less is the fix. The score is twice the share of "
                        + "time spent in young collections (allocation that costs little scores low), lower when the "
                        + "heap itself is the problem.")
                .evidence("allocationBytesPerSecond", rate).evidence("youngGcSharePercent", 100 * youngShare)
                .evidence("topClass", top == null ? null : top.className())
                .evidence("topClassPercent", top == null ? null : top.percent())
                .evidence("boxedPercent", boxShare > 0 ? boxShare : null)
                .evidence("topSite", siteName)
                .stacks(stacks(ctx, site))
                .recommendation(boxing
                        ? "Stop boxing: keep primitives in primitive arrays or primitive collections (long[], "
                        + "LongAdder, fastutil/Eclipse Collections maps), avoid Map<…, Long>.merge/put on hot paths "
                        + "and Stream<Long> where a LongStream or a loop will do."
                        : "Allocate less in " + (siteName == null ? "the hot path" : Text.simple(siteName))
                        + ": reuse buffers and builders, avoid temporary collections and streams in loops, size "
                        + "collections up front, and keep data in primitive arrays instead of small objects.");
        return Optional.of(f.build());
    }

    /** The application method that allocates the most bytes (the first application frame of each sample). */
    static int topApplicationSite(RuleContext ctx) {
        SampleKind kind = io.flightdeck.analysis.Signals.primaryAllocationKind(ctx.profile());
        SampleSet set = ctx.profile().samples(kind);
        java.util.Map<Integer, long[]> bySite = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> appOf = new java.util.HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            if (!ctx.selection().includes(set, i)) {
                continue;
            }
            int app = appOf.computeIfAbsent(set.stack(i), ctx::applicationFrame);
            if (app >= 0) {
                bySite.computeIfAbsent(app, k -> new long[1])[0] += set.weight(i);
            }
        }
        return bySite.entrySet().stream()
                .max(java.util.Comparator.comparingLong((java.util.Map.Entry<Integer, long[]> e) -> e.getValue()[0])
                        .thenComparing(e -> -e.getKey()))
                .map(java.util.Map.Entry::getKey).orElse(-1);
    }

    private static List<Finding.StackShare> stacks(RuleContext ctx, int site) {
        SampleKind kind = io.flightdeck.analysis.Signals.primaryAllocationKind(ctx.profile());
        SampleSet set = ctx.profile().samples(kind);
        java.util.Map<Integer, Integer> appOf = new java.util.HashMap<>();
        return ctx.topStacks(kind, i -> site < 0 || appOf.computeIfAbsent(set.stack(i), ctx::applicationFrame) == site,
                2, 3);
    }

    /**
     * Without GC events (async-profiler writes none) the collector's cost is estimated from the CPU samples of its
     * threads: their share of all CPU samples stands in for the share of time in young collections, on the same
     * scale. The allocation samples still name the class and the site.
     */
    private Optional<Finding> fromGcThreadSamples(RuleContext ctx) {
        AnalysisReport.Allocation a = ctx.report().allocation();
        double rate = a.bytesPerSecond();
        double gcShare = SampledSignals.gcThreadCpuShare(ctx);
        double score = gcShare >= 0.02 ? Scores.share(2 * gcShare)
                : Math.min(35, Scores.logScale(rate, 300e6, 20, 15));
        String boxClass = null;
        double boxShare = 0;
        for (AnalysisReport.ClassBytes c : a.byClass()) {
            if (BOXES.contains(c.className())) {
                boxShare += c.percent();
                if (boxClass == null) {
                    boxClass = c.className();
                }
            }
        }
        boolean boxing = boxShare >= 30;
        if (boxing && gcShare >= 0.02) {
            score += 10;
        }
        if (MemoryLeakRule.retainsWhatItAllocates(ctx)) {
            score *= 0.6; // the heap keeps what is allocated: a leak, not the rate, makes the collector work
        }
        if (score < 15) {
            return Optional.empty();
        }
        int site = topApplicationSite(ctx);
        AnalysisReport.ClassBytes top = a.byClass().isEmpty() ? null : a.byClass().getFirst();
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view(ViewKey.MEMORY)
                .title((siteName != null ? Text.simple(siteName) + " allocates " : "The application allocates ")
                        + Text.rate(rate / 1e6).replace("/s", " MB/s")
                        + (boxing ? ", mostly boxed " + Text.simpleClass(boxClass) + "s" : ""))
                .summary("The application allocated about " + Text.rate(rate / 1e6).replace("/s", " MB/s")
                        + "; the garbage collector's threads took " + Text.percent(100 * gcShare)
                        + " of the CPU samples" + (top == null ? "" : "; " + Text.percent(top.percent())
                        + " of the bytes are " + top.className())
                        + (siteName == null ? "" : ", allocated mostly in " + siteName) + ".")
                .explanation("Every allocated byte is work for the garbage collector. The recording has no GC "
                        + "events, so the collector's cost is the share of the CPU samples taken on its threads; the "
                        + "score is twice that share, as for the share of time in young collections.")
                .evidence("allocationBytesPerSecond", rate).evidence("gcThreadCpuSharePercent", 100 * gcShare)
                .evidence("topClass", top == null ? null : top.className())
                .evidence("topClassPercent", top == null ? null : top.percent())
                .evidence("boxedPercent", boxShare > 0 ? boxShare : null)
                .evidence("topSite", siteName)
                .stacks(stacks(ctx, site))
                .recommendation(boxing
                        ? "Stop boxing: keep primitives in primitive arrays or primitive collections (long[], "
                        + "LongAdder, fastutil/Eclipse Collections maps), avoid Map<…, Long>.merge/put on hot paths "
                        + "and Stream<Long> where a LongStream or a loop will do."
                        : "Allocate less in " + (siteName == null ? "the hot path" : Text.simple(siteName))
                        + ": reuse buffers and builders, avoid temporary collections and streams in loops, size "
                        + "collections up front, and keep data in primitive arrays instead of small objects.");
        return Optional.of(f.build());
    }
}
