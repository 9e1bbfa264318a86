package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.ReportBuilder;
import io.flightdeck.model.Profile;

import java.util.List;
import java.util.Optional;

/** Runs rules the way the report does: over the whole profile, with the report's own numbers. */
public final class RuleTesting {
    private RuleTesting() {
    }

    public static RuleContext context(Profile profile) {
        Selection selection = Selection.all(profile);
        AnalysisReport numbers = new ReportBuilder("test").build(selection, List.of());
        return new RuleContext(io.flightdeck.analysis.Analysis.of(selection, new FrameClassifier(profile)), numbers);
    }

    /** One rule through the engine: its result and its finding (when it has one). */
    public record Run(RuleResult result, Optional<Finding> finding) {
        public Finding get() {
            return finding.orElseThrow(() -> new AssertionError("no finding; result " + result));
        }
    }

    public static Run run(Rule rule, Profile profile) {
        RuleEngine.Outcome outcome = new RuleEngine(List.of(rule)).run(context(profile), () -> false);
        return new Run(outcome.results().getFirst(), outcome.findings().stream().findFirst());
    }

    public static RuleEngine.Outcome runAll(Profile profile) {
        return RuleEngine.standard().run(context(profile), () -> false);
    }
}
