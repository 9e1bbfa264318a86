package io.flightdeck.app.findings;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.Rule;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.app.workspace.Navigator;
import io.flightdeck.app.workspace.RecordingViewModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The diagnosis of the current selection: the findings grouped by severity (critical first, then by score), the
 * selected finding, every rule's result, and the way to the view that shows a finding. Needs no FX thread: the
 * view binds to its lists and properties.
 */
public final class FindingsViewModel {
    /** A row of the findings list: a severity heading or a finding. */
    public sealed interface Row permits Group, Item {
    }

    /** The heading of the findings of one severity. */
    public record Group(Severity severity, int count) implements Row {
    }

    public record Item(Finding finding) implements Row {
    }

    /** One rule's result, with the rule's title. */
    public record RuleRow(String id, String title, String category, RuleResult.Status status, Integer score,
            String reason) {
        /** "finding", "ok", "not applicable", "failed". */
        public String statusText() {
            return status.label().replace('-', ' ');
        }
    }

    /** An evidence value as the details show it: a readable name, the value with its unit, and the JSON name. */
    public record Evidence(String key, String label, String value) {
    }

    /**
     * The application's findings before the run's circumstances (host load, recording length), each by highest
     * severity, then highest score, then id.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::isCircumstance)
            .thenComparing(Comparator.comparing(Finding::severity).reversed())
            .thenComparing(Comparator.comparingInt(Finding::score).reversed()).thenComparing(Finding::id);

    private static final Set<String> ACRONYMS = Set.of("gc", "cpu", "jvm", "jdk", "jfr", "tlab", "os", "id", "ids",
            "url", "sql", "jdbc", "http", "g1", "zgc");

    private final RecordingViewModel recording;
    private final Navigator navigator;
    private final Map<String, String> ruleTitles = new LinkedHashMap<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Finding> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper rulesSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper findingsSummary = new ReadOnlyStringWrapper("");
    private List<Finding> findings = List.of();
    /** A finding asked for before the analysis that has it arrived (the overview links here while it loads). */
    private String wanted;

    public FindingsViewModel(RecordingViewModel recording, Navigator navigator, List<Rule> knownRules) {
        this.recording = recording;
        this.navigator = navigator;
        for (Rule r : knownRules) {
            ruleTitles.put(r.id(), r.title());
        }
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<RuleRow> rules() {
        return FXCollections.unmodifiableObservableList(rules);
    }

    public ReadOnlyObjectProperty<Finding> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Finding selected() {
        return selected.get();
    }

    /** "17 rules: 3 findings, 11 ok, 3 not applicable". */
    public ReadOnlyStringProperty rulesSummaryProperty() {
        return rulesSummary.getReadOnlyProperty();
    }

    /** "1 critical, 1 warning, 1 info" or "No findings". */
    public ReadOnlyStringProperty findingsSummaryProperty() {
        return findingsSummary.getReadOnlyProperty();
    }

    /** The findings in list order. */
    public List<Finding> findings() {
        return findings;
    }

    /** Takes the diagnosis of a new selection; keeps the selected finding when it is still there. */
    public void update(AnalysisReport report) {
        findings = report.findings().stream().sorted(ORDER).toList();
        rows.setAll(rows(findings));
        rules.setAll(ruleRows(report.rules()));
        rulesSummary.set(rulesSummary(report.rules()));
        findingsSummary.set(findingsSummary(findings));
        String keep = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
        Finding next = findings.stream().filter(f -> f.id().equals(keep)).findFirst()
                .orElse(findings.isEmpty() ? null : findings.getFirst());
        if (wanted != null && next != null && next.id().equals(wanted)) {
            wanted = null;
        }
        selected.set(next);
    }

    /** Selects a finding by id; when the analysis has not arrived yet, it is selected as soon as it does. */
    public void select(String id) {
        Finding f = findings.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (f == null) {
            wanted = id;
        } else {
            wanted = null;
            selected.set(f);
        }
    }

    public void select(Finding f) {
        wanted = null;
        selected.set(f);
    }

    /** Whether "Show in" can go somewhere for this finding. */
    public boolean canShow(Finding f) {
        return f != null && f.view() != null && navigator.has(f.view());
    }

    /** "Show in Locks & threads", with the time range when the finding has one. */
    public String showLabel(Finding f) {
        if (f == null) {
            return "Show in view";
        }
        String label = "Show in " + navigator.title(f.view());
        return f.window() == null ? label : label + " at " + window(f.window());
    }

    /** Selects the finding's time range (when it has one) and shows the view it names. */
    public void showInView(Finding f) {
        if (!canShow(f)) {
            return;
        }
        if (f.window() != null) {
            double end = Math.min(recording.durationSeconds(), Math.max(f.window().toSeconds(),
                    f.window().fromSeconds() + 0.001));
            recording.selectSeconds(Math.max(0, f.window().fromSeconds()), end);
        }
        navigator.show(f.view());
    }

    /** The rows of the list: a heading per severity present, then its findings in {@link #ORDER}. */
    public static List<Row> rows(List<Finding> findings) {
        List<Finding> sorted = findings.stream().sorted(ORDER).toList();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        sorted.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<Row> out = new ArrayList<>();
        Severity current = null;
        for (Finding f : sorted) {
            if (f.severity() != current) {
                current = f.severity();
                out.add(new Group(current, counts.get(current)));
            }
            out.add(new Item(f));
        }
        return out;
    }

    /** Every rule's result: findings by score first, then failures, rules that could not run, and the rest. */
    List<RuleRow> ruleRows(List<RuleResult> results) {
        return results.stream()
                .map(r -> new RuleRow(r.rule(), ruleTitles.getOrDefault(r.rule(), r.rule()), r.category(), r.status(),
                        r.score(), r.reason() == null ? "" : r.reason()))
                .sorted(Comparator.comparingInt((RuleRow r) -> switch (r.status()) {
                    case FINDING -> 0;
                    case FAILED -> 1;
                    case NOT_APPLICABLE -> 2;
                    case OK -> 3;
                }).thenComparing(r -> r.score() == null ? 0 : -r.score()))
                .toList();
    }

    static String rulesSummary(List<RuleResult> results) {
        Map<RuleResult.Status, Long> counts = new EnumMap<>(RuleResult.Status.class);
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        long found = counts.getOrDefault(RuleResult.Status.FINDING, 0L);
        parts.add(found + (found == 1 ? " finding" : " findings"));
        parts.add(counts.getOrDefault(RuleResult.Status.OK, 0L) + " ok");
        parts.add(counts.getOrDefault(RuleResult.Status.NOT_APPLICABLE, 0L) + " not applicable");
        long failed = counts.getOrDefault(RuleResult.Status.FAILED, 0L);
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        return results.size() + (results.size() == 1 ? " rule: " : " rules: ") + String.join(", ", parts);
    }

    static String findingsSummary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "No findings";
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
            if (counts.containsKey(s)) {
                parts.add(counts.get(s) + " " + s.label());
            }
        }
        return String.join(", ", parts);
    }

    /** "6.35 s – 6.64 s" (seconds from the recording's start). */
    public static String window(Finding.Window w) {
        return String.format(Locale.ROOT, "%.2f s – %.2f s", w.fromSeconds(), w.toSeconds());
    }

    /** The evidence of a finding in the rule's order, named for people and formatted by its unit. */
    public static List<Evidence> evidence(Finding f) {
        List<Evidence> out = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            String label = label(e.getKey());
            if (!used.add(label)) {
                // "topClass" and "topClassPercent" are both "Top class": the second says what it is
                label = label + (e.getKey().contains("Percent") ? " share" : " (" + e.getKey() + ")");
                used.add(label);
            }
            out.add(new Evidence(e.getKey(), label, value(e.getKey(), e.getValue())));
        }
        return out;
    }

    /** "waitSeconds" → "Wait", "heapAfterGcSlopeBytesPerSecond" → "Heap after GC slope", "fitR2" → "Fit R²". */
    static String label(String key) {
        String name = key;
        if (name.startsWith("seconds") && name.length() > "seconds".length()) {
            name = "time" + name.substring("seconds".length());
        }
        for (String unit : List.of("BytesPerSecond", "PerSecond", "Seconds", "Millis", "Bytes", "Percent")) {
            int at = name.indexOf(unit);
            if (at > 0) {
                name = name.substring(0, at) + name.substring(at + unit.length());
                break;
            }
        }
        if (name.endsWith("R2")) {
            name = name.substring(0, name.length() - 2) + " R²";
        }
        String[] words = name.split("\\s+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i].strip();
            if (w.isEmpty()) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            String shown = ACRONYMS.contains(lower) ? lower.toUpperCase(Locale.ROOT)
                    : out.isEmpty() ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower;
            if (lower.equals("r²")) {
                shown = "R²";
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(shown);
        }
        return out.toString();
    }

    /** The value with the unit its name carries; counts with separators; other numbers with a few digits. */
    static String value(String key, Object v) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (!(v instanceof Number n)) {
            return String.valueOf(v);
        }
        double d = n.doubleValue();
        if (key.endsWith("BytesPerSecond")) {
            return Format.bytesPerSecond(d);
        }
        if (key.endsWith("PerSecond")) {
            return (Math.abs(d) >= 100 ? Format.count(Math.round(d)) : String.format(Locale.ROOT, "%.1f", d)) + "/s";
        }
        if (key.endsWith("Seconds") || key.startsWith("seconds")) {
            return Format.seconds(d);
        }
        if (key.endsWith("Millis")) {
            return Format.seconds(d / 1000);
        }
        if (key.endsWith("Bytes")) {
            return Format.bytes(d);
        }
        if (key.contains("Percent")) {
            return Format.percent(d);
        }
        if (n instanceof Integer || n instanceof Long || (d == Math.rint(d) && Math.abs(d) < 1e15)) {
            return Format.count(Math.round(d));
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : Math.abs(d) >= 1 ? "%.2f" : "%.3f", d);
    }

    /**
     * "94.8 % — InventoryLedger.recordMovement ← InventoryServiceApp.lambda$main$0": a stack's share, its top frame
     * and the caller (stacks of one finding often share the top frame and differ below it).
     */
    public static String stackTitle(Finding.StackShare s) {
        if (s.frames().isEmpty()) {
            return Format.percent(s.percent()) + " — " + Format.MISSING;
        }
        String title = Format.percent(s.percent()) + " — " + shortFrame(s.frames().getFirst());
        return s.frames().size() < 2 ? title : title + " ← " + shortFrame(s.frames().get(1));
    }

    /** "com.example.Ledger.record" → "Ledger.record" (the package goes; class and method stay). */
    static String shortFrame(String frame) {
        int paren = frame.indexOf('(');
        String name = paren < 0 ? frame : frame.substring(0, paren);
        int method = name.lastIndexOf('.');
        if (method <= 0) {
            return frame;
        }
        int cls = name.lastIndexOf('.', method - 1);
        return frame.substring(cls + 1);
    }

    /** The culprit as pkg.Class.method, or "" when the finding names none. */
    public static String culprit(Finding f) {
        return f.culprit() == null ? "" : f.culprit().qualified();
    }
}
