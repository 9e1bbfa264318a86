package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.Statistics;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.heap.HistogramAnalysis;
import io.flightdeck.analysis.rule.Culprit;
import io.flightdeck.analysis.rule.Finding;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.Rule;
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
public final class MemoryLeakRule implements Rule {
    /** Growth over the selection, as a share of the maximum heap, that counts as a leak. */
    static final double MIN_GROWTH = 0.10;
    static final double MIN_FIT = 0.6;
    /** The part of the selection the collections must span for their trend to count. */
    static final double MIN_SPAN = 0.4;

    @Override
    public String id() {
        return "memory-leak.heap-growth";
    }

    @Override
    public String title() {
        return "The heap after GC keeps growing";
    }

    @Override
    public String category() {
        return "memory-leak";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.GCHeapSummary", "jdk.OldObjectSample");
    }

    @Override
    public String howToRecord() {
        return "enable jdk.GCHeapSummary and jdk.OldObjectSample (with path-to-gc-roots for the referrers), or give "
                + "the GC log (-Xlog:gc*) and class histograms taken a while apart";
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return GcRules.hasGc(ctx) || ctx.profile().histograms().size() >= 2;
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
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
        Findings f = Findings.of(this).score(score).culprit(culprit).view("memory")
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
}
