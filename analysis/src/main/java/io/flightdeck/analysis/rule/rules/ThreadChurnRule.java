package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.Finding;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.Rule;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.SampleKind;

import java.util.List;
import java.util.Optional;

/** Threads started and ended at a high rate instead of reused from a pool. */
public final class ThreadChurnRule implements Rule {
    static final double MIN_RATE = 10;

    @Override
    public String id() {
        return "thread-churn.starts";
    }

    @Override
    public String title() {
        return "Threads are created for short tasks";
    }

    @Override
    public String category() {
        return "thread-churn";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ThreadStart");
    }

    @Override
    public String howToRecord() {
        return "enable jdk.ThreadStart with stack traces (JFR 'default' and 'profile' settings)";
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        AnalysisReport.Threads t = ctx.report().threads();
        double rate = t.startsPerSecond();
        if (rate < MIN_RATE || t.started() < 20) {
            return Optional.empty();
        }
        RuleContext.Tally starts = ctx.tally(SampleKind.THREAD_START, i -> true);
        int site = starts.topCulprit(0);
        long fromSite = starts.culpritValue(site, 0);
        double score = Scores.logScale(rate, MIN_RATE, 40, 15);
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view("locks")
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
}
