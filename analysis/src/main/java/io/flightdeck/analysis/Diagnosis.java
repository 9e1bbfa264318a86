package io.flightdeck.analysis;

import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.ReportBuilder;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.RuleEngine;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Analyse one run: the report's numbers, then every rule over the selection and those numbers. The one service
 * the CLI's commands and the desktop app call; the report builder knows nothing of the rules, and the rules read the
 * report's numbers (no cycle between the two).
 */
public final class Diagnosis {
    private final ReportBuilder builder;

    public Diagnosis(String version) {
        this.builder = new ReportBuilder(version);
    }

    /** The report with its findings for a selection (an analysis of its own). */
    public AnalysisReport analyse(Selection selection, RuleEngine engine, BooleanSupplier cancelled) {
        return analyse(Analysis.of(selection), engine, cancelled);
    }

    /**
     * The report with its findings, from an analysis the caller keeps (the desktop app's views read it too).
     *
     * @param cancelled checked between rules
     */
    public AnalysisReport analyse(Analysis analysis, RuleEngine engine, BooleanSupplier cancelled) {
        AnalysisReport numbers = builder.build(analysis, List.of());
        RuleContext ctx = new RuleContext(analysis, numbers);
        RuleEngine.Outcome outcome = engine.run(ctx, cancelled);
        return numbers.withDiagnosis(outcome.findings(), outcome.results());
    }
}
