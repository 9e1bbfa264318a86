package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs every rule over one selection and returns a result per rule and the findings, highest score first. Rules
 * run on an executor (virtual threads: they are short and mostly read shared, immutable data); the context
 * computes what several rules need once. A failing rule gives a FAILED result, never a failed analysis.
 */
public final class RuleEngine {
    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The engine with every built-in rule. */
    public static RuleEngine standard() {
        return new RuleEngine(Rules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The outcome of a run: a result per rule (in rule order) and the findings by score. */
    public record Outcome(List<RuleResult> results, List<Finding> findings) {
    }

    /**
     * @param cancelled checked before each rule starts; when it turns true the run stops with a
     *                  {@link CancellationException}
     */
    public Outcome run(RuleContext ctx, BooleanSupplier cancelled) {
        List<Future<RuleResult>> pending = new ArrayList<>();
        List<Finding[]> found = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Rule rule : rules) {
                Finding[] slot = new Finding[1];
                found.add(slot);
                Callable<RuleResult> task = () -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("cancelled");
                    }
                    return evaluate(rule, ctx, slot);
                };
                pending.add(executor.submit(task));
            }
            List<RuleResult> results = new ArrayList<>();
            for (Future<RuleResult> f : pending) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException c) {
                        throw c;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
            List<Finding> findings = new ArrayList<>();
            for (Finding[] slot : found) {
                if (slot[0] != null) {
                    findings.add(slot[0]);
                }
            }
            findings.sort(Finding.RANKING); // the application first, then the run's circumstances
            return new Outcome(List.copyOf(results), List.copyOf(findings));
        }
    }

    private static RuleResult evaluate(Rule rule, RuleContext ctx, Finding[] slot) {
        if (!rule.applies(ctx)) {
            String enabledButEmpty = io.flightdeck.analysis.report.Coverage.whyNoEvents(ctx.profile(),
                    rule.requiredEvents());
            if (enabledButEmpty != null) {
                // the recording was set up to see the problem and saw none of it: the rule's answer is "ok"
                return new RuleResult(rule.id(), rule.category(), RuleResult.Status.OK, null, enabledButEmpty);
            }
            return new RuleResult(rule.id(), rule.category(), RuleResult.Status.NOT_APPLICABLE, null,
                    "needs " + String.join(" or ", rule.requiredEvents()) + ": " + rule.howToRecord());
        }
        try {
            Optional<Finding> finding = rule.evaluate(ctx);
            if (finding.isEmpty()) {
                return new RuleResult(rule.id(), rule.category(), RuleResult.Status.OK, null, null);
            }
            slot[0] = finding.get();
            return new RuleResult(rule.id(), rule.category(), RuleResult.Status.FINDING, finding.get().score(), null);
        } catch (Rule.NotApplicable e) {
            return new RuleResult(rule.id(), rule.category(), RuleResult.Status.NOT_APPLICABLE, null, e.getMessage());
        } catch (RuntimeException e) {
            return new RuleResult(rule.id(), rule.category(), RuleResult.Status.FAILED, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
