package io.flightdeck.analysis.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The verdict's paragraph: what changed, by how much, how sure, and what limits the conclusion. */
final class Narrative {
    private Narrative() {
    }

    /**
     * Categories of resolved warnings that no significant metric speaks for either way: the change may be real, but
     * the comparison cannot show it.
     */
    private static List<String> undecided(List<ComparisonReport.FindingChange> resolved,
            List<ComparisonReport.MetricChange> metrics, Comparer.Weighing w) {
        List<String> out = new ArrayList<>();
        for (ComparisonReport.FindingChange f : resolved) {
            String category = f.finding().category();
            if (category == null || out.contains(category) || w.improved().containsKey(category)
                    || w.regressed().containsKey(category)) {
                continue;
            }
            boolean shown = metrics.stream().anyMatch(m -> category.equals(m.category()) && m.significant());
            if (!shown && f.finding().severity() != io.flightdeck.analysis.finding.Severity.INFO) {
                out.add(category);
            }
        }
        return out;
    }

    static String paragraph(Verdict verdict, Comparer.Weighing w, List<ComparisonReport.MetricChange> metrics,
            FindingsDiff diff, List<String> warnings, ComparisonReport.BudgetResult budget) {
        StringBuilder out = new StringBuilder();
        switch (verdict) {
            case NOT_COMPARABLE -> out.append("Not comparable: ").append(warnings.isEmpty() ? "the two sides share "
                    + "no metric." : warnings.getFirst()).append(" The metrics are listed for reference only.");
            case NO_SIGNIFICANT_CHANGE -> out.append("No significant change: no metric of a diagnosed problem moved "
                    + "beyond noise (a test at p < 0.01 and at least the metric's smallest practical change).");
            case IMPROVED, REGRESSED, MIXED -> {
                out.append(switch (verdict) {
                    case IMPROVED -> "Improved: ";
                    case REGRESSED -> "Regressed: ";
                    default -> "Mixed: ";
                });
                List<String> parts = new ArrayList<>();
                if (!w.improved().isEmpty()) {
                    parts.add("better in " + categories(w.improved(), metrics, true));
                }
                if (!w.regressed().isEmpty()) {
                    parts.add("worse in " + categories(w.regressed(), metrics, false));
                }
                out.append(String.join("; ", parts)).append('.');
                if (verdict == Verdict.IMPROVED && !w.regressed().isEmpty()
                        || verdict == Verdict.REGRESSED && !w.improved().isEmpty()) {
                    out.append(" The smaller opposite change weighs less than a quarter of the main one.");
                }
            }
        }
        List<ComparisonReport.FindingChange> resolved = application(diff.resolved());
        List<ComparisonReport.FindingChange> added = application(diff.added());
        if (!resolved.isEmpty()) {
            out.append(" Resolved: ").append(titles(resolved)).append('.');
            List<String> undecided = undecided(resolved, metrics, w);
            if (!undecided.isEmpty()) {
                out.append(" No metric of ").append(String.join(", ", undecided)).append(" could show that beyond "
                        + "noise (too few collections, samples or events on one side): the finding's absence is the "
                        + "only evidence; a longer run of each (with a GC log for heap growth) would decide it.");
            }
        }
        if (!added.isEmpty()) {
            out.append(" New: ").append(titles(added)).append('.');
        }
        List<ComparisonReport.MetricChange> context = metrics.stream()
                .filter(m -> m.significant() && !m.decisive() && !m.name().contains(":"))
                .sorted(Comparator.comparingDouble(m -> -Math.abs(m.changePercent() == null ? 1e9 : m.changePercent())))
                .limit(3).toList();
        if (!context.isEmpty() && verdict != Verdict.NOT_COMPARABLE) {
            List<String> parts = new ArrayList<>();
            for (ComparisonReport.MetricChange m : context) {
                parts.add(m.label() + " " + move(m));
            }
            out.append(" Also changed, without a diagnosed problem behind it (a change in the work done can explain it): ")
                    .append(String.join("; ", parts)).append('.');
        }
        if (budget != null) {
            if (budget.passed()) {
                out.append(" The candidate meets the budget (").append(budget.checked().size()).append(" limits).");
            } else {
                List<String> v = new ArrayList<>();
                for (ComparisonReport.Violation x : budget.violations()) {
                    v.add(x.metric() + " " + Comparer.formatValue(x.actual(), x.unit()) + (x.kind().equals("max")
                            ? " > " : " < ") + Comparer.formatValue(x.limit(), x.unit()));
                }
                out.append(" Budget violated: ").append(String.join("; ", v)).append('.');
            }
        }
        if (verdict != Verdict.NOT_COMPARABLE && !warnings.isEmpty()) {
            out.append(" Read with care: ").append(warnings.size() == 1 ? "1 comparability warning."
                    : warnings.size() + " comparability warnings.");
        }
        return out.toString();
    }

    private static String categories(Map<String, Integer> weights, List<ComparisonReport.MetricChange> metrics,
            boolean better) {
        List<String> parts = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).forEach(e -> {
            ComparisonReport.MetricChange best = metrics.stream()
                    .filter(m -> m.decisive() && m.significant() && m.better() == better
                            && e.getKey().equals(m.category()))
                    .max(Comparator.comparingDouble(m -> Math.abs(m.changePercent() == null ? 1e9
                            : m.changePercent())))
                    .orElse(null);
            String name = e.getKey().replace('-', ' ');
            parts.add(best == null ? name : name + " (" + best.label() + " " + move(best) + ")");
        });
        return String.join(", ", parts);
    }

    static String move(ComparisonReport.MetricChange m) {
        String from = Comparer.formatValue(m.baseline(), m.unit());
        String to = Comparer.formatValue(m.candidate(), m.unit());
        String pct = m.changePercent() == null ? "new" : String.format(Locale.ROOT, "%+.0f %%", m.changePercent());
        String p = m.pValue() == null ? "" : m.pValue() < 0.001 ? ", p < 0.001"
                : String.format(Locale.ROOT, ", p = %.3f", m.pValue());
        return "from " + from + " to " + to + " (" + pct + p + ")";
    }

    /** Findings about the application, not about the host or the recording (those are comparability matters). */
    private static List<ComparisonReport.FindingChange> application(List<ComparisonReport.FindingChange> all) {
        return all.stream().filter(f -> !f.finding().category().equals("environment")
                && !f.finding().category().equals("recording-quality")).toList();
    }

    private static String titles(List<ComparisonReport.FindingChange> findings) {
        List<String> t = new ArrayList<>();
        for (ComparisonReport.FindingChange f : findings) {
            t.add(f.finding().title());
            if (t.size() == 3) {
                break;
            }
        }
        String s = String.join("; ", t);
        return findings.size() > 3 ? s + " and " + (findings.size() - 3) + " more" : s;
    }
}
