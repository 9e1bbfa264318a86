package io.flightdeck.analysis.compare;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.model.SampleKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a baseline with a candidate: comparability first, then every metric with a significance test, then the
 * findings, then a verdict.
 *
 * <p>The verdict is about the problems the diagnosis found. A metric takes part in it ("decisive") when it measures
 * the category of a warning or critical finding on either side; its change counts when it is significant — p below
 * {@value #ALPHA} <em>and</em> larger than the metric's smallest practical change. Each category that changed is
 * weighed by how much its finding score moved (scores are the share of the application's time a problem explains),
 * so a large improvement is not made "mixed" by a small side effect: the verdict is mixed when the smaller direction
 * weighs more than {@value #DOMINANCE} of the larger. Context metrics (CPU use, and every metric whose category has
 * no finding) are reported with their significance but do not decide: without knowing the work done, more
 * allocation or CPU may simply be more throughput.
 */
public final class Comparer {
    /** Significance level of every test. */
    public static final double ALPHA = 0.01;
    /** The share of the larger direction the smaller may weigh before the verdict becomes mixed. */
    static final double DOMINANCE = 0.25;
    /** Weight of a category that changed beyond noise while its finding score moved less than this. */
    static final int MIN_WEIGHT = 10;
    private static final int TOP_CHANGES = 15;

    /** One side: what was selected, its analysis (with findings) and the files it came from. */
    /** One side: its analysis (shared with whoever made the report), the report with its diagnosis, the files. */
    public record Input(io.flightdeck.analysis.Analysis analysis, AnalysisReport report, List<String> files) {
        public Input(Selection selection, AnalysisReport report, List<String> files) {
            this(io.flightdeck.analysis.Analysis.of(selection), report, files);
        }

        public Selection selection() {
            return analysis.selection();
        }
    }

    private final String version;

    public Comparer(String version) {
        this.version = version;
    }

    /** Time buckets for the tests: about 40 in the shorter run, never under 200 ms. */
    static double bucketSeconds(double a, double b) {
        double shorter = Math.min(a, b);
        return Math.max(0.2, shorter / 40);
    }

    public ComparisonReport compare(Input baseline, Input candidate, Budget budget) {
        double bucket = bucketSeconds(baseline.selection().durationSeconds(), candidate.selection().durationSeconds());
        SideMetrics b = new SideMetrics(baseline.analysis(), baseline.report(), bucket);
        SideMetrics c = new SideMetrics(candidate.analysis(), candidate.report(), bucket);
        Comparability.Result comparability = Comparability.check(b, c);

        Set<String> decisiveCategories = new LinkedHashSet<>();
        for (Finding f : concat(baseline.report().findings(), candidate.report().findings())) {
            if (f.severity() != Severity.INFO && !nonDecisive(f.category())) {
                decisiveCategories.add(f.category());
            }
        }
        Set<String> decisiveMethods = new LinkedHashSet<>();
        List<MetricSpec> specs = new ArrayList<>(MetricSpec.FIXED);
        for (Finding f : concat(baseline.report().findings(), candidate.report().findings())) {
            if (f.severity() == Severity.INFO || f.culprit() == null || f.culprit().method() == null) {
                continue;
            }
            MetricSpec s = switch (f.category()) {
                case "cpu-hotspot" -> MetricSpec.methodShare(f.culprit().qualified());
                case "allocation-pressure" -> MetricSpec.allocationSite(f.culprit().qualified());
                default -> null;
            };
            if (s != null && decisiveMethods.add(s.name())) {
                specs.add(s);
            }
        }
        Set<String> context = new LinkedHashSet<>();
        for (AnalysisReport r : List.of(baseline.report(), candidate.report())) {
            r.cpu().hotMethods().stream().filter(h -> !synthetic(h.method())).limit(5)
                    .forEach(h -> context.add(MetricSpec.methodShare(h.method()).name()));
        }
        for (AnalysisReport r : List.of(baseline.report(), candidate.report())) {
            r.allocation().byClass().stream().filter(row -> !row.className().startsWith("("))
                    .limit(3).forEach(row -> context.add(MetricSpec.allocationClass(row.className()).name()));
        }
        for (String name : context) {
            if (!decisiveMethods.contains(name)) {
                specs.add(MetricSpec.forName(name));
            }
        }

        List<ComparisonReport.MetricChange> metrics = new ArrayList<>();
        List<String> oneSided = new ArrayList<>();
        for (MetricSpec spec : specs) {
            Optional<SideMetrics.Observed> ob = b.observe(spec);
            Optional<SideMetrics.Observed> oc = c.observe(spec);
            if (ob.isEmpty() || oc.isEmpty()) {
                if (ob.isPresent() != oc.isPresent() && spec.category() != null && !spec.name().contains(":")
                        && !spec.name().startsWith("gc.") && !spec.name().startsWith("heap.")) {
                    oneSided.add(spec.label() + " (only in the " + (ob.isPresent() ? "baseline" : "candidate") + ")");
                }
                continue;
            }
            boolean perMethod = spec.name().contains(":");
            boolean decisive = spec.category() != null && decisiveCategories.stream().anyMatch(spec::measures)
                    && (!perMethod || decisiveMethods.contains(spec.name()));
            metrics.add(change(spec, ob.get(), oc.get(), decisive));
        }
        List<String> warnings = new ArrayList<>(comparability.warnings());
        if (!oneSided.isEmpty()) {
            warnings.add("Only one side has data for: " + String.join("; ", oneSided) + ".");
        }
        boolean comparable = comparability.comparable() && !metrics.isEmpty();
        if (comparability.comparable() && metrics.isEmpty()) {
            warnings.add("The two sides have no metric in common (different kinds of input).");
        }

        FindingsDiff diff = FindingsDiff.of(baseline.report().findings(), candidate.report().findings());
        Weighing w = weigh(metrics, baseline.report().findings(), candidate.report().findings());
        Verdict verdict = !comparable ? Verdict.NOT_COMPARABLE : w.verdict();
        ComparisonReport.BudgetResult budgetResult = budget == null ? null : budget.check(c);
        List<ComparisonReport.MethodChange> top = topChanges(baseline.report(), candidate.report());
        String summary = Narrative.paragraph(verdict, w, metrics, diff, warnings, budgetResult);
        return new ComparisonReport(version, verdict, summary,
                new ComparisonReport.Comparability(comparable, List.copyOf(warnings)), List.copyOf(metrics),
                diff.toReport(), budgetResult, side(baseline, b), side(candidate, c), top);
    }

    /** Lambda and method-handle frames: their names carry run-specific addresses, so they never match. */
    static boolean synthetic(String method) {
        return method.contains("$$Lambda") || method.contains("LambdaForm$") || method.contains("$Holder.")
                || method.startsWith("java.lang.Thread.run");
    }

    static boolean nonDecisive(String category) {
        return category.equals("environment") || category.equals("recording-quality")
                || category.equals("jvm-configuration");
    }

    static ComparisonReport.MetricChange change(MetricSpec spec, SideMetrics.Observed b, SideMetrics.Observed c,
            boolean decisive) {
        ChangeTest.Outcome o;
        if (b.samples() != null && c.samples() != null) {
            o = ChangeTest.samples(b.samples(), c.samples());
        } else if (b.x() != null && c.x() != null) {
            o = ChangeTest.slopes(b.x(), b.y(), c.x(), c.y());
        } else {
            o = ChangeTest.counts(b.count(), b.seconds(), c.count(), c.seconds());
        }
        double delta = c.value() - b.value();
        Double changePercent = null;
        if (b.value() != 0) {
            changePercent = 100 * delta / Math.abs(b.value());
        } else if (delta == 0) {
            changePercent = 0.0;
        }
        boolean practical = Math.abs(delta) >= spec.minAbsolute()
                && (b.value() == 0 || Math.abs(delta) / Math.abs(b.value()) >= spec.minRelative());
        // nothing on either side: nothing was measured that could decide anything
        boolean nothing = b.value() == 0 && c.value() == 0;
        if (nothing) {
            decisive = false;
        }
        boolean significant = o.pValue() < ALPHA && practical && !nothing;
        boolean better = spec.lowerIsBetter() ? delta < 0 : delta > 0;
        return new ComparisonReport.MetricChange(spec.name(), spec.label(), spec.unit(), b.value(), c.value(),
                changePercent, significant, better, finite(o.pValue()), finite(o.ciLowPercent()),
                finite(o.ciHighPercent()), spec.category(), decisive, o.method());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** How much improved and how much regressed, by category, weighed by the movement of the finding scores. */
    record Weighing(Map<String, Integer> improved, Map<String, Integer> regressed) {
        int improvedWeight() {
            return improved.values().stream().mapToInt(Integer::intValue).sum();
        }

        int regressedWeight() {
            return regressed.values().stream().mapToInt(Integer::intValue).sum();
        }

        Verdict verdict() {
            int i = improvedWeight();
            int r = regressedWeight();
            if (i == 0 && r == 0) {
                return Verdict.NO_SIGNIFICANT_CHANGE;
            }
            if (r <= DOMINANCE * i) {
                return Verdict.IMPROVED;
            }
            if (i <= DOMINANCE * r) {
                return Verdict.REGRESSED;
            }
            return Verdict.MIXED;
        }
    }

    static Weighing weigh(List<ComparisonReport.MetricChange> metrics, List<Finding> baseline,
            List<Finding> candidate) {
        Map<String, int[]> byCategory = new LinkedHashMap<>(); // better, worse
        for (ComparisonReport.MetricChange m : metrics) {
            if (m.decisive() && m.significant()) {
                byCategory.computeIfAbsent(m.category(), k -> new int[2])[m.better() ? 0 : 1]++;
            }
        }
        Map<String, Integer> improved = new LinkedHashMap<>();
        Map<String, Integer> regressed = new LinkedHashMap<>();
        byCategory.forEach((category, counts) -> {
            int delta = maxScore(candidate, category) - maxScore(baseline, category);
            if ("io-blocking".equals(category)) {
                delta = Math.max(Math.abs(delta), Math.abs(maxScore(candidate, "database")
                        - maxScore(baseline, "database"))) * Integer.signum(delta == 0
                        ? maxScore(candidate, "database") - maxScore(baseline, "database") : delta);
            }
            int weight = Math.max(MIN_WEIGHT, Math.abs(delta));
            if (counts[0] > 0 && counts[1] == 0) {
                improved.put(category, weight);
            } else if (counts[1] > 0 && counts[0] == 0) {
                regressed.put(category, weight);
            } else if (Math.abs(delta) >= MIN_WEIGHT) {
                (delta < 0 ? improved : regressed).put(category, weight);
            }
        });
        return new Weighing(improved, regressed);
    }

    static int maxScore(List<Finding> findings, String category) {
        return findings.stream().filter(f -> f.category().equals(category)).mapToInt(Finding::score).max().orElse(0);
    }

    private static List<ComparisonReport.MethodChange> topChanges(AnalysisReport b, AnalysisReport c) {
        Map<String, double[]> rows = new HashMap<>(); // baseline total, candidate total, baseline self, candidate self
        for (AnalysisReport.HotMethodRow h : b.cpu().hotMethods()) {
            double[] r = rows.computeIfAbsent(h.method(), k -> new double[4]);
            r[0] = h.totalPercent();
            r[2] = h.selfPercent();
        }
        for (AnalysisReport.HotMethodRow h : c.cpu().hotMethods()) {
            double[] r = rows.computeIfAbsent(h.method(), k -> new double[4]);
            r[1] = h.totalPercent();
            r[3] = h.selfPercent();
        }
        return rows.entrySet().stream()
                .map(e -> new ComparisonReport.MethodChange(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[1] - e.getValue()[0], e.getValue()[2], e.getValue()[3]))
                .filter(m -> Math.abs(m.deltaPoints()) >= 0.5)
                .sorted(Comparator.comparingDouble((ComparisonReport.MethodChange m) -> -Math.abs(m.deltaPoints()))
                        .thenComparing(ComparisonReport.MethodChange::method))
                .limit(TOP_CHANGES).toList();
    }

    private static ComparisonReport.Side side(Input in, SideMetrics m) {
        AnalysisReport.Jvm jvm = in.report().recording().jvm();
        return new ComparisonReport.Side(in.files(), jvm.version(), jvm.gc(), jvm.maxHeapBytes(), jvm.cpuCount(),
                in.selection().durationSeconds(), in.report().recording().start(),
                in.selection().profile().samples(SampleKind.CPU).size());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String formatValue(double v, String unit) {
        return MetricSpec.format(v, unit);
    }
}
