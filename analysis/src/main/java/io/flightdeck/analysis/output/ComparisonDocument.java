package io.flightdeck.analysis.output;

import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.compare.ComparisonReport.FindingChange;
import io.flightdeck.analysis.compare.ComparisonReport.MetricChange;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.output.ReportDocument.Fact;
import io.flightdeck.analysis.output.ReportDocument.Section;
import io.flightdeck.analysis.output.ReportDocument.SectionBuilder;
import io.flightdeck.analysis.output.ReportDocument.TableBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out a {@link ComparisonReport} as a {@link ReportDocument} (text, Markdown, HTML). */
public final class ComparisonDocument {
    private ComparisonDocument() {
    }

    public static ReportDocument of(ComparisonReport r) {
        return of(r, "Flightdeck comparison", List.of(), List.of());
    }

    /** The comparison with extra facts and sections before it (a session's name, stage and notes). */
    public static ReportDocument of(ComparisonReport r, String title, List<Fact> extraFacts,
            List<Section> leading) {
        List<Fact> facts = new ArrayList<>(extraFacts);
        facts.add(new Fact("Verdict", r.verdict().label()));
        facts.add(new Fact("Baseline", side(r.baseline())));
        facts.add(new Fact("Candidate", side(r.candidate())));
        if (r.budget() != null) {
            facts.add(new Fact("Budget", (r.budget().passed() ? "passed" : "violated") + " ("
                    + r.budget().checked().size() + " limits, " + r.budget().violations().size() + " violations)"));
        }
        List<Section> sections = new ArrayList<>(leading);
        // the verdict is said once, in the facts; this section says why
        sections.add(new SectionBuilder("Why").paragraph(r.summary()).build());
        SectionBuilder comparability = new SectionBuilder("Comparability");
        comparability.paragraph(r.comparability().comparable() ? (r.comparability().warnings().isEmpty()
                ? "The two runs are comparable: same application, JVM, collector, heap, machine and settings."
                : "Comparable, with these differences:") : "Not comparable:");
        TableBuilder w = comparability.table("Warning");
        r.comparability().warnings().forEach(w::row);
        comparability.add(w, null);
        sections.add(comparability.build());
        sections.add(metrics(r.metrics()));
        sections.add(findings(r));
        if (r.budget() != null) {
            sections.add(budget(r.budget(), "Candidate"));
        }
        SectionBuilder top = new SectionBuilder("Top changes in CPU share (methods on the stack)");
        TableBuilder t = top.table("Method", "Baseline total", "Candidate total", "Change", "Baseline self",
                "Candidate self").numeric(1, 2, 3, 4, 5);
        for (ComparisonReport.MethodChange m : r.topChanges()) {
            t.row(m.method(), Format.percent(m.baselineTotalPercent()), Format.percent(m.candidateTotalPercent()),
                    String.format(Locale.ROOT, "%+.1f pp", m.deltaPoints()), Format.percent(m.baselineSelfPercent()),
                    Format.percent(m.candidateSelfPercent()));
        }
        top.add(t, "No method's share of CPU samples changed by half a point or more.");
        sections.add(top.build());
        return new ReportDocument(title, facts, List.of(), sections);
    }

    static Section budget(ComparisonReport.BudgetResult budget, String actualColumn) {
        SectionBuilder b = new SectionBuilder("Budget" + (budget.source() == null ? "" : " (" + budget.source() + ")")
                + ": " + (budget.passed() ? "passed" : "violated"));
        TableBuilder t = b.table("Metric", "Limit", actualColumn, "Result").numeric(1, 2);
        for (ComparisonReport.BudgetCheck c : budget.checked()) {
            t.row(c.metric(), (c.kind().equals("max") ? "≤ " : "≥ ") + value(c.limit(), c.unit()),
                    c.actual() == null ? "no data" : value(c.actual(), c.unit()),
                    c.actual() == null ? "not checked" : c.passed() ? "ok" : "VIOLATED");
        }
        b.add(t, "The budget has no limits.");
        return b.build();
    }

    /** An analysis with a budget's result: a fact and a section in front. */
    public static ReportDocument withBudget(ReportDocument doc, ComparisonReport.BudgetResult budget) {
        List<Fact> facts = new ArrayList<>(doc.facts());
        facts.add(new Fact("Budget", (budget.passed() ? "passed" : "violated") + " (" + budget.checked().size()
                + " limits, " + budget.violations().size() + " violations)"));
        List<Section> sections = new ArrayList<>();
        sections.add(budget(budget, "Actual"));
        sections.addAll(doc.sections());
        return new ReportDocument(doc.title(), facts, doc.warnings(), sections);
    }

    private static Section metrics(List<MetricChange> metrics) {
        SectionBuilder s = new SectionBuilder("Metrics");
        s.paragraph("Significant: p < 0.01 and at least the metric's smallest practical change. Decisive metrics "
                + "measure a problem the diagnosis found on either side and make the verdict.");
        TableBuilder t = s.table("Metric", "Baseline", "Candidate", "Change", "p", "Significant", "Better",
                "Decisive").numeric(1, 2, 3, 4);
        List<MetricChange> sorted = new ArrayList<>(metrics);
        sorted.sort((a, b) -> Boolean.compare(b.decisive() && b.significant(), a.decisive() && a.significant()) != 0
                ? Boolean.compare(b.decisive() && b.significant(), a.decisive() && a.significant())
                : Boolean.compare(b.significant(), a.significant()));
        for (MetricChange m : sorted) {
            t.row(m.label(), value(m.baseline(), m.unit()), value(m.candidate(), m.unit()),
                    m.changePercent() == null ? "new" : String.format(Locale.ROOT, "%+.1f %%", m.changePercent()),
                    m.pValue() == null ? Format.MISSING : m.pValue() < 0.001 ? "< 0.001"
                            : String.format(Locale.ROOT, "%.3f", m.pValue()),
                    m.significant() ? "yes" : "no", m.significant() ? (m.better() ? "better" : "worse") : "—",
                    m.decisive() ? "yes" : "");
        }
        s.add(t, "No metric is available on both sides.");
        return s.build();
    }

    private static Section findings(ComparisonReport r) {
        SectionBuilder s = new SectionBuilder("Findings");
        TableBuilder t = s.table("Status", "Finding", "Category", "Baseline score", "Candidate score", "Culprit")
                .numeric(3, 4);
        add(t, "resolved", r.findings().resolved());
        add(t, "new", r.findings().added());
        add(t, "persisting", r.findings().persisting());
        s.add(t, "Neither run has a warning or critical finding.");
        return s.build();
    }

    private static void add(TableBuilder t, String status, List<FindingChange> list) {
        for (FindingChange f : list) {
            t.row(status, f.finding().title(), f.finding().category(),
                    f.baselineScore() == null ? "—" : f.baselineScore().toString(),
                    f.candidateScore() == null ? "—" : f.candidateScore().toString(),
                    f.finding().culprit() == null ? null : f.finding().culprit().qualified());
        }
    }

    private static String side(ComparisonReport.Side s) {
        return String.join(", ", s.files()) + " — " + (s.jvm() == null ? "JVM unknown" : s.jvm()) + ", "
                + (s.gc() == null ? "GC unknown" : s.gc()) + ", " + Format.seconds(s.durationSeconds());
    }

    public static String value(double v, String unit) {
        return io.flightdeck.analysis.compare.MetricSpec.format(v, unit);
    }
}
