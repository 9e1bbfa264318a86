package io.flightdeck.analysis.compare;

import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.finding.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings of two runs matched by rule and culprit: resolved (a warning or critical finding of the baseline that
 * the candidate no longer has at that level), new (the other way round) and persisting (in both).
 */
record FindingsDiff(List<ComparisonReport.FindingChange> resolved, List<ComparisonReport.FindingChange> added,
        List<ComparisonReport.FindingChange> persisting) {

    static FindingsDiff of(List<Finding> baseline, List<Finding> candidate) {
        Map<String, Finding> b = index(baseline);
        Map<String, Finding> c = index(candidate);
        List<ComparisonReport.FindingChange> resolved = new ArrayList<>();
        List<ComparisonReport.FindingChange> added = new ArrayList<>();
        List<ComparisonReport.FindingChange> persisting = new ArrayList<>();
        b.forEach((key, f) -> {
            Finding other = c.get(key);
            if (other == null) {
                resolved.add(new ComparisonReport.FindingChange(f, f.score(), scoreOf(candidate, key)));
            } else {
                persisting.add(new ComparisonReport.FindingChange(other, f.score(), other.score()));
            }
        });
        c.forEach((key, f) -> {
            if (!b.containsKey(key)) {
                added.add(new ComparisonReport.FindingChange(f, scoreOf(baseline, key), f.score()));
            }
        });
        return new FindingsDiff(List.copyOf(resolved), List.copyOf(added), List.copyOf(persisting));
    }

    ComparisonReport.FindingsDiff toReport() {
        return new ComparisonReport.FindingsDiff(resolved, added, persisting);
    }

    /** Warning and critical findings by key, highest score first (the lists keep the findings' order). */
    private static Map<String, Finding> index(List<Finding> findings) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.INFO) {
                out.putIfAbsent(key(f), f);
            }
        }
        return out;
    }

    /** The score of a finding with this key at any severity (an info finding is still there, just smaller). */
    private static Integer scoreOf(List<Finding> findings, String key) {
        return findings.stream().filter(f -> key(f).equals(key)).map(Finding::score).findFirst().orElse(null);
    }

    static String key(Finding f) {
        return f.id() + "|" + (f.culprit() == null ? "" : f.culprit().qualified());
    }
}
