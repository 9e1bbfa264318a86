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

import java.util.List;
import java.util.Optional;

/** Threads started and ended at a high rate instead of reused from a pool. */
public final class ThreadChurnRule extends RuleBase {
    static final double MIN_RATE = 10;

    /** Also without thread events (async-profiler writes none): the CPU samples show threads being created. */

    public ThreadChurnRule() {
        super(new RuleInfo("thread-churn.starts",
                "Threads are created for short tasks",
                Category.THREAD_CHURN,
                List.of(EventTypes.THREAD_START),
                "enable jdk.ThreadStart with stack traces (JFR 'default' and 'profile' settings)"));
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
        AnalysisReport.Threads t = ctx.report().threads();
        double rate = t.startsPerSecond();
        if (rate < MIN_RATE || t.started() < 20) {
            return Optional.empty();
        }
        RuleContext.Tally starts = ctx.tally(SampleKind.THREAD_START, i -> true);
        int site = starts.topCulprit(0);
        long fromSite = starts.culpritValue(site, 0);
        double score = Scores.logScale(rate, MIN_RATE, 40, 15);
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view(ViewKey.LOCKS)
                .title(Text.rate(rate) + " threads started" + (site >= 0 ? " by " + Text.simple(ctx.methodName(site)) : ""))
                .summary(t.started() + " threads were started in " + Text.seconds(ctx.seconds()) + " ("
                        + Text.rate(rate) + ") while at most " + t.activeMax() + " were alive at once"
                        + (site >= 0 ? "; " + fromSite + " of them by " + ctx.methodName(site) : "") + ".")
                .explanation("Creating and ending a thread costs far more than handing a task to a waiting one "
                        + "(stack allocation, OS scheduling, JIT and GC bookkeeping); a high start rate with few live "
                        + "threads means threads are made for short tasks.")
                .evidence("threadsStarted", t.started()).evidence("startsPerSecond", rate)
                .evidence("activeMax", t.activeMax()).evidence("fromTopSite", fromSite)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .stacks(ctx.topStacks(SampleKind.THREAD_START, i -> true, 0, 3))
                .recommendation("Submit the tasks to a long-lived executor (a fixed-size ThreadPoolExecutor created "
                        + "once, or Executors.newVirtualThreadPerTaskExecutor() on JDK 21+ for blocking tasks) instead "
                        + "of new Thread(...).start() per task.");
        return Optional.of(f.build());
    }

    /** The share of the application's CPU samples spent creating (and tearing down) threads. */
    static final double MIN_CPU_SHARE = 0.05;

    /**
     * Without thread events: the share of the application's CPU samples in thread creation and teardown
     * (Thread.start down to the JVM's and the kernel's thread creation); the site is the application code that
     * starts the threads.
     */
    private Optional<Finding> fromCpuSamples(RuleContext ctx) {
        io.flightdeck.model.SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        java.util.Map<Integer, Boolean> starting = new java.util.HashMap<>();
        RuleContext.Tally inStart = ctx.tally(SampleKind.CPU, i -> starting.computeIfAbsent(cpu.stack(i),
                s -> SampledSignals.anyFrame(ctx, s, SampledSignals::isThreadLifecycle)));
        RuleContext.Tally all = ctx.tally(SampleKind.CPU, i -> true);
        double share = all.count() < 20 ? 0 : inStart.count() / (double) all.count();
        if (share < MIN_CPU_SHARE) {
            return Optional.empty();
        }
        // the site: where application code starts threads (the ending threads' own teardown has no Java frames)
        int site = ctx.tally(SampleKind.CPU, i -> starting.getOrDefault(cpu.stack(i), false)
                && ctx.applicationFrame(cpu.stack(i)) >= 0).topCulprit(0);
        if (site < 0) {
            site = inStart.topCulprit(0);
        }
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(Scores.share(2 * share)).culprit(ctx.culpritOf(site)).view(ViewKey.LOCKS)
                .title("Starting threads takes " + Text.percent(100 * share) + " of the CPU"
                        + (siteName == null ? "" : " in " + Text.simple(siteName)))
                .summary(inStart.count() + " of " + all.count() + " CPU samples of the application ("
                        + Text.percent(100 * share) + ") were taken while threads were being created or torn down"
                        + (siteName == null ? "" : ", started by " + siteName)
                        + ". The recording has no thread events, so the start rate is unknown.")
                .explanation("Creating and ending a thread costs far more than handing a task to a waiting one "
                        + "(stack allocation, OS scheduling, JIT and GC bookkeeping); a program that spends a "
                        + "noticeable share of its CPU in Thread.start and the JVM's and kernel's thread creation makes "
                        + "threads for short tasks. The score is twice that share: the short-lived threads' own start-up and "
                        + "teardown run on threads that leave the recording unnamed and are not counted.")
                .evidence("cpuSharePercent", 100 * share).evidence("samplesInThreadStart", inStart.count())
                .evidence("samples", all.count()).evidence("countSource", "cpu-samples")
                .evidence("topSite", siteName)
                .stacks(ctx.topStacks(SampleKind.CPU, i -> starting.getOrDefault(cpu.stack(i), false), 0, 3))
                .recommendation("Submit the tasks to a long-lived executor (a fixed-size ThreadPoolExecutor created "
                        + "once, or Executors.newVirtualThreadPerTaskExecutor() on JDK 21+ for blocking tasks) instead "
                        + "of new Thread(...).start() per task.");
        return Optional.of(f.build());
    }
}
