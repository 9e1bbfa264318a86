package io.flightdeck.analysis.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.flightdeck.analysis.finding.Finding;

import java.util.List;

/**
 * A before/after comparison: the verdict and why, whether the two runs can be compared, every metric with its
 * change and significance, the findings that were resolved, are new or persist, and the budget's verdict.
 * JSON names follow the CLI contract ({@code compare --format json}).
 *
 * @param summary   one paragraph of plain language that explains the verdict
 * @param baseline  what the baseline was (files, JVM, duration)
 * @param candidate what the candidate was
 * @param topChanges methods whose share of CPU samples changed most, largest change first
 */
@JsonPropertyOrder({"flightdeckVersion", "verdict", "summary", "comparability", "metrics", "findings", "budget",
        "baseline", "candidate", "topChanges"})
public record ComparisonReport(String flightdeckVersion, Verdict verdict, String summary,
        Comparability comparability, List<MetricChange> metrics, FindingsDiff findings, BudgetResult budget,
        Side baseline, Side candidate, List<MethodChange> topChanges) {

    /** True when the verdict or the budget should fail a CI gate (exit code 4). */
    public boolean failsGate() {
        return verdict == Verdict.REGRESSED || budget != null && !budget.passed();
    }

    /** @param warnings one sentence per difference that limits what the numbers mean */
    @JsonPropertyOrder({"comparable", "warnings"})
    public record Comparability(boolean comparable, List<String> warnings) {
    }

    /**
     * @param changePercent (candidate − baseline) / baseline in percent; null when the baseline is 0
     * @param significant   beyond noise: the test's p-value is below 0.01 and the change is larger than the
     *                      metric's smallest practical change
     * @param better        the change goes the good way (lower cost, higher throughput); false when unchanged
     * @param category      the finding category the metric measures, or null for context metrics
     * @param decisive      true when the metric took part in the verdict (its category has a finding)
     * @param test          the test used and on how many observations
     */
    @JsonPropertyOrder({"name", "label", "unit", "baseline", "candidate", "changePercent", "significant", "better",
            "pValue", "ciLowPercent", "ciHighPercent", "category", "decisive", "test"})
    public record MetricChange(String name, String label, String unit, double baseline, double candidate,
            Double changePercent, boolean significant, boolean better, Double pValue, Double ciLowPercent,
            Double ciHighPercent, String category, boolean decisive, String test) {
    }

    @JsonPropertyOrder({"resolved", "new", "persisting"})
    public record FindingsDiff(List<FindingChange> resolved, @JsonProperty("new") List<FindingChange> added,
            List<FindingChange> persisting) {
    }

    /** A finding with its score on both sides (null where the side does not have it at warning or above). */
    @JsonPropertyOrder({"baselineScore", "candidateScore"})
    public record FindingChange(@JsonUnwrapped Finding finding, Integer baselineScore, Integer candidateScore) {
    }

    @JsonPropertyOrder({"passed", "source", "violations", "checked"})
    public record BudgetResult(boolean passed, String source, List<Violation> violations, List<BudgetCheck> checked) {
    }

    /** @param kind "max" (the actual must not exceed the limit) or "min" */
    @JsonPropertyOrder({"metric", "limit", "actual", "unit", "kind"})
    public record Violation(String metric, double limit, double actual, String unit, String kind) {
    }

    @JsonPropertyOrder({"metric", "limit", "actual", "unit", "kind", "passed"})
    public record BudgetCheck(String metric, double limit, Double actual, String unit, String kind, boolean passed) {
    }

    @JsonPropertyOrder({"files", "jvm", "gc", "maxHeapBytes", "cpuCount", "durationSeconds", "start", "cpuSamples"})
    public record Side(List<String> files, String jvm, String gc, Long maxHeapBytes, Integer cpuCount,
            double durationSeconds, String start, long cpuSamples) {
    }

    @JsonPropertyOrder({"method", "baselineTotalPercent", "candidateTotalPercent", "deltaPoints",
            "baselineSelfPercent", "candidateSelfPercent"})
    public record MethodChange(String method, double baselineTotalPercent, double candidateTotalPercent,
            double deltaPoints, double baselineSelfPercent, double candidateSelfPercent) {
    }
}
