package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.Statistics;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.heap.HistogramAnalysis;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.OldObjectSample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live set keeps growing: heap used after each collection trends up by a real share of the heap over the
 * selection (least squares, with a good fit). The culprit comes from what survives: old-object samples (where the
 * objects still alive were allocated), class histogram growth, or failing those the allocating site.
 */
public final class MemoryLeakRule extends RuleBase {
    /** Growth over the selection, as a share of the maximum heap, that counts as a leak. */
    static final double MIN_GROWTH = 0.10;
    static final double MIN_FIT = 0.6;
    /** The part of the selection the collections must span for their trend to count. */
    static final double MIN_SPAN = 0.4;

    public MemoryLeakRule() {
        super(new RuleInfo("memory-leak.heap-growth",
                "The heap after GC keeps growing",
                Category.MEMORY_LEAK,
                List.of(EventTypes.GC_HEAP_SUMMARY, EventTypes.OLD_OBJECT_SAMPLE),
                "enable jdk.GCHeapSummary and jdk.OldObjectSample (with path-to-gc-roots for the referrers), or give "
                + "the GC log (-Xlog:gc*) and class histograms taken a while apart"));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return GcRules.hasGc(ctx) || ctx.profile().histograms().size() >= 2 || heapSummaryTrend(ctx) != null;
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        if (!GcRules.hasGc(ctx) && ctx.profile().histograms().size() < 2) {
            return fromHeapSummaries(ctx);
        }
        List<double[]> points = new ArrayList<>();
        for (GcPause p : GcRules.applicationPauses(ctx)) {
            if (p.heapAfterBytes().isPresent()) {
                double t = Duration.between(ctx.selection().start(), p.start().plus(p.duration())).toNanos() / 1e9;
                points.add(new double[]{t, p.heapAfterBytes().getAsLong()});
            }
        }
        long max = ctx.profile().info().maxHeapBytes().orElse(0);
        Optional<HistogramAnalysis.HistogramGrowth> histogram = HistogramAnalysis.growth(ctx.profile().histograms());
        double slope = 0;
        double fit = 0;
        double growth = 0;
        double span = 0;
        if (points.size() >= 3 && max > 0) {
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            slope = Statistics.slope(x, y);
            fit = rSquared(x, y, slope);
            span = x[x.length - 1] - x[0];
            growth = slope * span / max;
        }
        // the growth seen, not the slope extrapolated: a live set built at start-up (a few collections in the
        // first second) is no leak; the collections must cover a real part of the selection
        boolean heapSays = growth >= MIN_GROWTH && fit >= MIN_FIT && span >= MIN_SPAN * ctx.seconds();
        HistogramAnalysis.ClassGrowth grower = histogram.flatMap(h -> h.classes().stream()
                .filter(c -> ctx.isApplicationClass(c.className()) && c.bytesGrowth() > 0).findFirst()).orElse(null);
        boolean histogramSays = histogram.isPresent() && max > 0
                && histogram.get().totalBytesGrowth() >= MIN_GROWTH * max && grower != null;
        if (!heapSays && !histogramSays) {
            return Optional.empty();
        }
        double score = heapSays ? 55 + Math.min(40, 80 * growth * fit) : 50;
        Culprit culprit = fromOldObjects(ctx);
        String leakingClass = null;
        if (culprit == null && grower != null) {
            culprit = new Culprit(grower.className(), null);
        }
        if (grower != null) {
            leakingClass = grower.className();
        }
        if (culprit == null) {
            int site = AllocationPressureRule.topApplicationSite(ctx);
            culprit = ctx.culpritOf(site);
        }
        double secondsToFull = slope > 0 && !points.isEmpty()
                ? (max - points.getLast()[1]) / slope : Double.NaN;
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.MEMORY)
                .title("The heap after GC grows by " + Format.bytesPerSecond(slope)
                        + (culprit == null ? "" : " (" + Text.simpleClass(culprit.className()) + ")"))
                .summary(heapSays ? "Heap used after collections grew " + Format.bytesPerSecond(slope) + " over "
                        + points.size() + " collections (" + Text.percent(100 * growth) + " of the maximum heap in "
                        + Text.seconds(ctx.seconds()) + ", fit R² " + String.format(java.util.Locale.ROOT, "%.2f", fit)
                        + ")" + (Double.isFinite(secondsToFull) && secondsToFull > 0 ? "; at this rate the heap is full in "
                        + Text.seconds(secondsToFull) : "") + "."
                        : "Between the class histograms the heap grew by "
                        + Format.bytes(histogram.get().totalBytesGrowth()) + ", led by " + grower.className() + ".")
                .explanation("What survives a collection is reachable; when it keeps growing something holds on to "
                        + "objects it no longer needs (a static collection, a cache without a bound, listeners never "
                        + "removed). The culprit is where the surviving objects were allocated (old-object samples) "
                        + "or the class that grows between histograms.")
                .evidence("heapAfterGcSlopeBytesPerSecond", slope).evidence("growthPercentOfMax", 100 * growth)
                .evidence("fitR2", fit).evidence("collections", points.size())
                .evidence("secondsToFullHeap", Double.isFinite(secondsToFull) && secondsToFull > 0 ? secondsToFull : null)
                .evidence("leakingClass", leakingClass)
                .evidence("oldObjectSamples", ctx.profile().oldObjects().size())
                .recommendation("Find who keeps the objects: take a heap dump (jcmd <pid> GC.heap_dump) and follow "
                        + "the paths to GC roots of " + (leakingClass != null ? Text.simpleClass(leakingClass)
                        : culprit != null ? Text.simpleClass(culprit.className()) : "the growing class")
                        + "; bound caches (size or time limits, weak or soft references), remove entries and "
                        + "listeners when their owner ends, and avoid static collections that only grow.");
        return Optional.of(f.build());
    }

    /** The most frequent application frame among the allocation stacks of objects still alive (old-object samples). */
    private static Culprit fromOldObjects(RuleContext ctx) {
        Map<Integer, Integer> bySite = new HashMap<>();
        Map<String, Integer> byClass = new HashMap<>();
        for (OldObjectSample o : ctx.profile().oldObjects()) {
            if (o.objectClass() != null && ctx.isApplicationClass(o.objectClass())) {
                byClass.merge(o.objectClass(), 1, Integer::sum);
            }
            int app = ctx.applicationFrame(o.stack());
            if (app >= 0) {
                bySite.merge(app, 1, Integer::sum);
            }
        }
        int total = ctx.profile().oldObjects().size();
        Optional<Map.Entry<Integer, Integer>> site = bySite.entrySet().stream().max(Map.Entry.comparingByValue());
        if (site.isPresent() && site.get().getValue() >= Math.max(3, total / 5)) {
            return ctx.culpritOf(site.get().getKey());
        }
        return byClass.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() >= 3).map(e -> new Culprit(e.getKey(), null)).orElse(null);
    }

    private static double rSquared(double[] x, double[] y, double slope) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double ssTot = 0;
        double ssRes = 0;
        for (int i = 0; i < x.length; i++) {
            double predicted = my + slope * (x[i] - mx);
            ssRes += (y[i] - predicted) * (y[i] - predicted);
            ssTot += (y[i] - my) * (y[i] - my);
        }
        return ssTot == 0 ? 0 : Math.max(0, 1 - ssRes / ssTot);
    }

    // ---- recordings without GC events (async-profiler) ------------------------------------------------------

    /** The share of the allocated bytes that stays in the heap above which the growth is a leak. */
    static final double MIN_RETAINED = 0.9;

    /**
     * The trend of the heap used after collections from jdk.GCHeapSummary alone, when the recording has no
     * collection events (async-profiler writes a summary when the heap used after the last GC changed).
     *
     * @param slope          bytes per second
     * @param fit            R² of the least-squares line
     * @param growth         growth over the selection as a share of the maximum heap
     * @param retained       heap growth per allocated byte (the allocation samples' rate): near 1 when the program
     *                       keeps what it allocates, far below when collections free most of it; NaN when unknown
     * @param points         summaries in the selection
     * @param last           heap used at the last summary, bytes
     * @param max            the maximum heap, bytes
     */
    record HeapTrend(double slope, double fit, double growth, double retained, int points, double last, long max) {
        boolean leaks() {
            return growth >= MIN_GROWTH && fit >= MIN_FIT && retained >= MIN_RETAINED;
        }
    }

    /** The heap trend from heap summaries when there are no GC events and at least 4 summaries, else null. */
    static HeapTrend heapSummaryTrend(RuleContext ctx) {
        if (GcRules.hasGc(ctx)) {
            return null;
        }
        return ctx.memo("leak-heap-summary-trend", () -> {
            io.flightdeck.model.TimeSeries used = ctx.profile().series(io.flightdeck.model.SeriesKey.HEAP_USED)
                    .orElse(null);
            long max = maxHeap(ctx);
            if (used == null || max <= 0) {
                return java.util.Optional.<HeapTrend>empty();
            }
            List<double[]> points = new ArrayList<>();
            long startNanos = ctx.selection().start().getEpochSecond() * 1_000_000_000L + ctx.selection().start().getNano();
            for (int i = 0; i < used.size(); i++) {
                if (ctx.selection().includesTime(used.timeNanos(i))) {
                    points.add(new double[]{(used.timeNanos(i) - startNanos) / 1e9, used.value(i)});
                }
            }
            if (points.size() < 4) {
                return java.util.Optional.<HeapTrend>empty();
            }
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            double slope = Statistics.slope(x, y);
            double fit = rSquared(x, y, slope);
            double growth = slope * Math.max(ctx.seconds(), x[x.length - 1] - x[0]) / max;
            double allocated = ctx.report().allocation().bytesPerSecond();
            double retained = allocated > 0 ? slope / allocated : Double.NaN;
            return java.util.Optional.of(new HeapTrend(slope, fit, growth, retained, points.size(), y[y.length - 1],
                    max));
        }).orElse(null);
    }

    /** True when the heap keeps growing by most of what the application allocates (no GC events needed). */
    static boolean retainsWhatItAllocates(RuleContext ctx) {
        HeapTrend t = heapSummaryTrend(ctx);
        return t != null && t.leaks();
    }

    /** The maximum heap: from the recording, else the -Xmx of the JVM's arguments. */
    static long maxHeap(RuleContext ctx) {
        java.util.OptionalLong known = ctx.profile().info().maxHeapBytes();
        if (known.isPresent()) {
            return known.getAsLong();
        }
        String args = ctx.profile().info().jvmArguments().orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)-Xmx(\\d+)([kKmMgGtT]?)(?=\\s|$)")
                .matcher(args);
        long max = -1;
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            max = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "k" -> v << 10;
                case "m" -> v << 20;
                case "g" -> v << 30;
                case "t" -> v << 40;
                default -> v;
            };
        }
        return max;
    }

    /**
     * Without GC events: heap summaries that grow steadily by a real share of the heap, and by most of what the
     * allocation samples say was allocated — collections free little of it. The culprit is the application site
     * that allocates the most.
     */
    private Optional<Finding> fromHeapSummaries(RuleContext ctx) {
        HeapTrend t = heapSummaryTrend(ctx);
        if (t == null || !t.leaks()) {
            return Optional.empty();
        }
        double score = 55 + Math.min(40, 80 * t.growth() * t.fit());
        int site = AllocationPressureRule.topApplicationSite(ctx);
        Culprit culprit = ctx.culpritOf(site);
        double secondsToFull = t.slope() > 0 ? (t.max() - t.last()) / t.slope() : Double.NaN;
        double gcShare = SampledSignals.gcThreadCpuShare(ctx);
        Findings f = Findings.of(this).score(score).culprit(culprit).view(ViewKey.MEMORY)
                .title("The heap after GC grows by " + Format.bytesPerSecond(t.slope())
                        + (culprit == null ? "" : " (" + Text.simpleClass(culprit.className()) + ")"))
                .summary("Heap used after collections grew " + Format.bytesPerSecond(t.slope()) + " over "
                        + t.points() + " heap summaries (" + Text.percent(100 * t.growth()) + " of the maximum heap in "
                        + Text.seconds(ctx.seconds()) + ", fit R² " + String.format(java.util.Locale.ROOT, "%.2f", t.fit())
                        + "), " + Text.percent(100 * t.retained()) + " of the allocation rate"
                        + (Double.isFinite(secondsToFull) && secondsToFull > 0 ? "; at this rate the heap is full in "
                        + Text.seconds(secondsToFull) : "") + ".")
                .explanation("What survives a collection is reachable; when the heap after collections grows by most "
                        + "of what the application allocates, something holds on to the objects (a static collection, "
                        + "a cache without a bound, listeners never removed). The recording has no GC events, so the "
                        + "trend comes from its heap summaries and the culprit is the site that allocates the most.")
                .evidence("heapAfterGcSlopeBytesPerSecond", t.slope()).evidence("growthPercentOfMax", 100 * t.growth())
                .evidence("fitR2", t.fit()).evidence("heapSummaries", t.points())
                .evidence("retainedPercentOfAllocation", 100 * t.retained())
                .evidence("gcThreadCpuSharePercent", 100 * gcShare)
                .evidence("secondsToFullHeap", Double.isFinite(secondsToFull) && secondsToFull > 0 ? secondsToFull : null)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .recommendation("Find who keeps the objects: take a heap dump (jcmd <pid> GC.heap_dump) and follow "
                        + "the paths to GC roots of " + (culprit != null ? Text.simpleClass(culprit.className())
                        : "the growing class") + "; bound caches (size or time limits, weak or soft references), "
                        + "remove entries and listeners when their owner ends, and avoid static collections that only grow.");
        return Optional.of(f.build());
    }
}
