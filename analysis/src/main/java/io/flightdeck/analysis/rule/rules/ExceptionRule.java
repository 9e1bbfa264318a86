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
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exceptions thrown so often that they are control flow, not errors: each one captures a stack trace. The rate
 * comes from jdk.ExceptionStatistics (every throwable); the site from jdk.JavaExceptionThrow, or from the CPU
 * samples taken while throwables were being built.
 */
public final class ExceptionRule extends RuleBase {
    static final double MIN_RATE = 100;

    static boolean isThrowableConstruction(String frame) {
        return frame.equals("java.lang.Throwable.fillInStackTrace") || frame.equals("java.lang.Throwable.<init>")
                || frame.equals("java.lang.Exception.<init>") || frame.equals("java.lang.RuntimeException.<init>")
                || frame.equals("java.lang.Throwable.getStackTrace")
                || frame.equals("java.lang.StackTraceElement.of");
    }

    /** Also without exception events (async-profiler writes none): the CPU samples show throwables being built. */

    public ExceptionRule() {
        super(new RuleInfo("exception-overhead.rate",
                "Exceptions used as control flow",
                Category.EXCEPTION_OVERHEAD,
                List.of(EventTypes.EXCEPTION_STATISTICS, EventTypes.JAVA_EXCEPTION_THROW, EventTypes.JAVA_ERROR_THROW),
                "enable jdk.ExceptionStatistics, and jdk.JavaExceptionThrow for the throw sites (off in JDK 17's "
                + "'profile' settings)"));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return super.applies(ctx) || ctx.hasCpuSamples();
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        if (!super.applies(ctx)) {
            return fromCpuSamples(ctx);
        }
        AnalysisReport.Exceptions e = ctx.report().exceptions();
        double rate = e.perSecond();
        SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        Map<Integer, Boolean> throwing = new HashMap<>();
        RuleContext.Tally inThrow = ctx.tally(SampleKind.CPU, i -> throwing.computeIfAbsent(cpu.stack(i),
                s -> ctx.stackHas(s, ExceptionRule::isThrowableConstruction, 16)));
        RuleContext.Tally allCpu = ctx.tally(SampleKind.CPU, i -> true);
        double cpuShare = allCpu.count() < 20 ? 0 : inThrow.count() / (double) allCpu.count();
        if (rate < MIN_RATE && cpuShare < 0.05) {
            return Optional.empty();
        }
        double score = Math.max(Scores.logScale(rate, MIN_RATE, 30, 15), Scores.share(1.2 * cpuShare));
        // the site: the throw events' first application frame, else where throwables were built on the CPU
        int site = -1;
        String type = null;
        if (!e.byType().isEmpty() && EventTypes.JAVA_EXCEPTION_THROW.equals(e.byTypeSource())) {
            AnalysisReport.ExceptionRow top = e.byType().getFirst();
            type = top.className();
            SampleSet throwsSet = ctx.profile().samples(SampleKind.EXCEPTION);
            site = ctx.tally(SampleKind.EXCEPTION, i -> true).topCulprit(0);
            if (site < 0 && throwsSet.isEmpty()) {
                site = -1;
            }
        }
        if (site < 0) {
            site = inThrow.topCulprit(0);
        }
        if (type == null) {
            type = thrownTypeFromStacks(ctx, cpu, throwing);
        }
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
                .title(Text.rate(rate).replace("/s", "") + " exceptions per second"
                        + (siteName == null ? "" : " from " + Text.simple(siteName)))
                .summary("The application threw " + Text.rate(rate) + " throwables (" + e.count() + " in "
                        + Text.seconds(ctx.seconds()) + ")" + (type == null ? "" : ", mostly " + type)
                        + (siteName == null ? "" : ", from " + siteName) + "; building them took "
                        + Text.percent(100 * cpuShare) + " of the CPU samples.")
                .explanation("Every exception captures the thread's stack when it is created, which costs far more "
                        + "than a return value; thrown thousands of times a second they are control flow, not "
                        + "errors. The score grows with the rate (and the CPU share spent building them).")
                .evidence("exceptionsPerSecond", rate).evidence("exceptions", e.count())
                .evidence("countSource", e.source()).evidence("topType", type)
                .evidence("cpuSharePercent", 100 * cpuShare).evidence("topSite", siteName)
                .stacks(ctx.topStacks(SampleKind.CPU, i -> throwing.getOrDefault(cpu.stack(i), false), 0, 3))
                .recommendation("Check before acting instead of catching the failure (validate input before "
                        + "parsing, test a map or cache before reading it), return an Optional or a result value "
                        + "from expected failures, and for exceptions that must stay, reuse one instance or create "
                        + "them without a stack trace (the 4-argument Throwable constructor with "
                        + "writableStackTrace=false).");
        return Optional.of(f.build());
    }

    /**
     * Without exception events: the share of the application's CPU samples spent constructing throwables (filling
     * in their stack traces), the site being the first application frame below the constructors.
     */
    private Optional<Finding> fromCpuSamples(RuleContext ctx) {
        SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        Map<Integer, Boolean> throwing = new HashMap<>();
        RuleContext.Tally inThrow = ctx.tally(SampleKind.CPU, i -> throwing.computeIfAbsent(cpu.stack(i),
                s -> SampledSignals.anyFrame(ctx, s, ExceptionRule::isThrowableConstruction)));
        RuleContext.Tally allCpu = ctx.tally(SampleKind.CPU, i -> true);
        double cpuShare = allCpu.count() < 20 ? 0 : inThrow.count() / (double) allCpu.count();
        if (cpuShare < 0.05) {
            return Optional.empty();
        }
        int site = inThrow.topCulprit(0);
        String type = constructedType(ctx, cpu, throwing);
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(Scores.share(1.2 * cpuShare)).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
                .title("Building exceptions takes " + Text.percent(100 * cpuShare) + " of the CPU"
                        + (siteName == null ? "" : " in " + Text.simple(siteName)))
                .summary(inThrow.count() + " of " + allCpu.count() + " CPU samples of the application ("
                        + Text.percent(100 * cpuShare) + ") were taken while throwables were being constructed"
                        + (type == null ? "" : ", mostly " + type) + (siteName == null ? "" : ", from " + siteName)
                        + ". The recording has no exception events, so the rate is unknown.")
                .explanation("Every exception captures the thread's stack when it is created, which costs far more "
                        + "than a return value; when a large share of the CPU samples is inside Throwable's "
                        + "constructors, exceptions are control flow, not errors. The score grows with that share.")
                .evidence("cpuSharePercent", 100 * cpuShare).evidence("samplesInThrowables", inThrow.count())
                .evidence("samples", allCpu.count()).evidence("countSource", "cpu-samples")
                .evidence("topType", type).evidence("topSite", siteName)
                .stacks(ctx.topStacks(SampleKind.CPU, i -> throwing.getOrDefault(cpu.stack(i), false), 0, 3))
                .recommendation("Check before acting instead of catching the failure (validate input before "
                        + "parsing, test a map or cache before reading it), return an Optional or a result value "
                        + "from expected failures, and for exceptions that must stay, reuse one instance or create "
                        + "them without a stack trace (the 4-argument Throwable constructor with "
                        + "writableStackTrace=false).");
        return Optional.of(f.build());
    }

    /** The throwable class being constructed in the CPU samples: the frame right below the Throwable constructors. */
    private static String thrownTypeFromStacks(RuleContext ctx, SampleSet cpu, Map<Integer, Boolean> throwing) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<Integer, Boolean> e : throwing.entrySet()) {
            if (!e.getValue()) {
                continue;
            }
            for (String frame : ctx.frames(e.getKey())) {
                if (frame.endsWith(".<init>") && !isThrowableConstruction(frame)) {
                    counts.merge(frame.substring(0, frame.length() - 7), 1, Integer::sum);
                    break;
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The throwable class being constructed in the CPU samples: the last constructor of the chain that starts at
     * the Throwable constructors (NumberFormatException.<init> calls IllegalArgumentException.<init> calls ...
     * Throwable.<init>; the outermost one is the class thrown).
     */
    private static String constructedType(RuleContext ctx, SampleSet cpu, Map<Integer, Boolean> throwing) {
        Map<String, Long> counts = new HashMap<>();
        Map<Integer, Long> perStack = new HashMap<>();
        for (int i = 0; i < cpu.size(); i++) {
            if (ctx.selection().includes(cpu, i) && throwing.getOrDefault(cpu.stack(i), false)) {
                perStack.merge(cpu.stack(i), 1L, Long::sum);
            }
        }
        for (Map.Entry<Integer, Long> e : perStack.entrySet()) {
            String outermost = null;
            boolean inChain = false;
            for (String frame : ctx.frames(e.getKey())) {
                if (isThrowableConstruction(frame)) {
                    inChain = true;
                } else if (inChain && !frame.endsWith(".<init>")) {
                    break;
                }
                if (inChain && frame.endsWith(".<init>")) {
                    outermost = frame.substring(0, frame.length() - 7);
                }
            }
            if (outermost != null) {
                counts.merge(outermost, e.getValue(), Long::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
    }
}
