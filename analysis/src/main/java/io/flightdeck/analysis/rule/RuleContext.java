package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.format.Names;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * What the rules read: the selection, the numbers of the report (computed once, the same the user sees) and
 * helpers over stacks and threads that several rules share. Thread-safe: rules run in parallel.
 */
public final class RuleContext {

    private final io.flightdeck.analysis.Analysis analysis;
    private final Selection selection;
    private final AnalysisReport report;
    private final FrameClassifier classifier;
    private final Map<Object, Object> memo = new ConcurrentHashMap<>();

    public RuleContext(io.flightdeck.analysis.Analysis analysis, AnalysisReport report) {
        this.analysis = analysis;
        this.selection = analysis.selection();
        this.report = report;
        this.classifier = analysis.classifier();
    }

    /** The selection's analysis: the derived parts the report, the rules and compare share. */
    public io.flightdeck.analysis.Analysis analysis() {
        return analysis;
    }

    public Selection selection() {
        return selection;
    }

    public Profile profile() {
        return selection.profile();
    }

    /** The report's numbers for this selection (without findings). */
    public AnalysisReport report() {
        return report;
    }

    public FrameClassifier classifier() {
        return classifier;
    }

    public double seconds() {
        return selection.durationSeconds();
    }

    public boolean hasRecording() {
        return profile().sources().stream().anyMatch(s -> s.kind() == SourceKind.JFR);
    }

    /**
     * The selection's profile holds CPU samples: jdk.ExecutionSample events, or (async-profiler in wall mode, which
     * writes none) the wall-clock samples of running threads that the import counts as CPU samples.
     */
    public boolean hasCpuSamples() {
        return !profile().samples(SampleKind.CPU).isEmpty();
    }

    /** Something computed once per context, whichever rule asks first. */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            Object raced = memo.putIfAbsent(key, v);
            if (raced != null) {
                v = raced;
            }
        }
        return (T) v;
    }

    // ---- threads --------------------------------------------------------------------------------------------

    /** JVM and JFR threads that are not the application's ({@link io.flightdeck.analysis.Signals}). */
    public static boolean isInternalThread(String name) {
        return io.flightdeck.analysis.Signals.isInternalThread(name);
    }

    public String threadName(int thread) {
        return thread < 0 ? null : profile().threads().name(thread);
    }

    /** The CPU time one execution sample stands for ({@link io.flightdeck.analysis.Signals#cpuSampleSeconds}). */
    public double cpuSampleSeconds() {
        return memo("cpuSampleSeconds", () -> io.flightdeck.analysis.Signals.cpuSampleSeconds(profile()));
    }

    // ---- stacks ---------------------------------------------------------------------------------------------

    /** A method's name as findings print it: {@code pkg.Class.method}, a lambda body by its enclosing method. */
    public String methodName(int method) {
        if (method < 0) {
            return null;
        }
        String name = profile().methods().methodName(method);
        String readable = FrameClassifier.enclosingMethodName(name);
        return readable.equals(name) ? profile().methods().qualifiedName(method)
                : profile().methods().className(method) + "." + readable;
    }

    public String className(int method) {
        return method < 0 ? null : profile().methods().className(method);
    }

    /** Qualified method names of a stack, top frame first. */
    public List<String> frames(int stack) {
        if (stack < 0) {
            return List.of();
        }
        StackTable stacks = profile().stacks();
        MethodTable methods = profile().methods();
        int depth = stacks.depth(stack);
        List<String> names = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            names.add(methods.qualifiedName(profile().frames().method(stacks.frame(stack, i))));
        }
        return names;
    }

    /** True when a frame of the stack (within the top {@code maxDepth}) has a qualified name the test accepts. */
    public boolean stackHas(int stack, Predicate<String> qualifiedName, int maxDepth) {
        if (stack < 0) {
            return false;
        }
        StackTable stacks = profile().stacks();
        int depth = Math.min(maxDepth, stacks.depth(stack));
        for (int i = 0; i < depth; i++) {
            if (qualifiedName.test(profile().methods().qualifiedName(profile().frames().method(stacks.frame(stack, i))))) {
                return true;
            }
        }
        return false;
    }

    /** The first application frame from the top, or -1 (library and JDK frames only). */
    public int applicationFrame(int stack) {
        if (stack < 0) {
            return -1;
        }
        StackTable stacks = profile().stacks();
        int depth = stacks.depth(stack);
        for (int i = 0; i < depth; i++) {
            int method = profile().frames().method(stacks.frame(stack, i));
            if (classifier.kind(method) == FrameKind.APPLICATION) {
                return method;
            }
        }
        return -1;
    }

    /** The method a finding should name: the first application frame, else the first library frame, else the top. */
    public int culprit(int stack) {
        return classifier.culpritMethod(stack);
    }

    public boolean isApplicationClass(String className) {
        return className != null && classifier.classify(className) == FrameKind.APPLICATION;
    }

    /** A culprit from a method id: its class and its qualified name. */
    public Culprit culpritOf(int method) {
        if (method < 0) {
            return null;
        }
        // a lambda's body is named by the method that wrote it: lambda$totalDiscounts$0 -> totalDiscounts
        return new Culprit(profile().methods().className(method),
                FrameClassifier.enclosingMethodName(profile().methods().methodName(method)));
    }

    // ---- sums over samples ----------------------------------------------------------------------------------

    /** Totals of selected samples of a kind that pass a test, per thread. */
    public record Tally(long count, long durationNanos, long weight, Set<Integer> threads,
            Map<Integer, long[]> byCulprit) {

        public double seconds() {
            return durationNanos / 1e9;
        }

        /** The culprit method with the largest value (index 0 count, 1 duration, 2 weight), or -1. */
        public int topCulprit(int measure) {
            return byCulprit.entrySet().stream().filter(e -> e.getKey() >= 0)
                    .max(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[measure])
                            .thenComparing(e -> -e.getKey()))
                    .map(Map.Entry::getKey).orElse(-1);
        }

        public long culpritValue(int method, int measure) {
            long[] v = byCulprit.get(method);
            return v == null ? 0 : v[measure];
        }
    }

    /**
     * Sums the selected samples of a kind from application threads whose index passes {@code include}, by the
     * application frame of their stack.
     */
    public Tally tally(SampleKind kind, IntPredicate include) {
        SampleSet set = profile().samples(kind);
        long count = 0;
        long duration = 0;
        long weight = 0;
        Set<Integer> threads = new HashSet<>();
        Map<Integer, long[]> byCulprit = new HashMap<>();
        Map<Integer, Integer> culpritCache = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i) || isInternalThread(threadName(set.thread(i))) || !include.test(i)) {
                continue;
            }
            count++;
            duration += set.durationNanos(i);
            weight += set.weight(i);
            threads.add(set.thread(i));
            int stack = set.stack(i);
            int culprit = culpritCache.computeIfAbsent(stack, this::culprit);
            long[] v = byCulprit.computeIfAbsent(culprit, k -> new long[3]);
            v[0]++;
            v[1] += set.durationNanos(i);
            v[2] += set.weight(i);
        }
        return new Tally(count, duration, weight, threads, byCulprit);
    }

    /** The heaviest stacks among selected samples of a kind that pass a test, each with its share (0..100). */
    public List<Finding.StackShare> topStacks(SampleKind kind, IntPredicate include, int measure, int limit) {
        SampleSet set = profile().samples(kind);
        Map<Integer, long[]> byStack = new HashMap<>();
        long total = 0;
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i) || set.stack(i) < 0 || !include.test(i)) {
                continue;
            }
            long v = measure == 0 ? 1 : measure == 1 ? set.durationNanos(i) : set.weight(i);
            byStack.computeIfAbsent(set.stack(i), k -> new long[1])[0] += v;
            total += v;
        }
        long sum = total;
        return byStack.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new Finding.StackShare(sum == 0 ? 0 : 100.0 * e.getValue()[0] / sum,
                        frames(e.getKey()).stream().limit(24).toList()))
                .toList();
    }

    /** The readable name of a symbol-keyed class (monitor, allocated class, exception type). */
    public String symbolClass(int symbol) {
        String raw = symbol < 0 ? null : profile().symbols().get(symbol);
        return raw == null ? null : Names.className(raw);
    }
}
