package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds findings with the severity always derived from the score. */
public final class Findings {
    private final Rule rule;
    private int score;
    private String title;
    private String summary = "";
    private String explanation = "";
    private Culprit culprit;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private List<Finding.StackShare> stacks = List.of();
    private String recommendation = "";
    private String view = "overview";
    private Finding.Window window;

    private Findings(Rule rule) {
        this.rule = rule;
        this.title = rule.title();
    }

    public static Findings of(Rule rule) {
        return new Findings(rule);
    }

    /** Clamped to 0..100. */
    public Findings score(double value) {
        this.score = (int) Math.round(Math.max(0, Math.min(100, value)));
        return this;
    }

    public Findings title(String text) {
        this.title = text;
        return this;
    }

    public Findings summary(String text) {
        this.summary = text;
        return this;
    }

    public Findings explanation(String text) {
        this.explanation = text;
        return this;
    }

    public Findings culprit(Culprit c) {
        this.culprit = c;
        return this;
    }

    /** A typed value; the name carries the unit ("blockedSeconds", "sharePercent"). Null values are left out. */
    public Findings evidence(String name, Object value) {
        if (value != null) {
            if (value instanceof Double d) {
                value = Math.round(d * 1000.0) / 1000.0;
            }
            evidence.put(name, value);
        }
        return this;
    }

    public Findings stacks(List<Finding.StackShare> list) {
        this.stacks = list;
        return this;
    }

    public Findings recommendation(String text) {
        this.recommendation = text;
        return this;
    }

    public Findings view(ViewKey key) {
        return view(key.key());
    }

    public Findings view(String name) {
        this.view = name;
        return this;
    }

    /** When it happened, in seconds from the recording's start. */
    public Findings window(double fromSeconds, double toSeconds) {
        this.window = new Finding.Window(fromSeconds, toSeconds);
        return this;
    }

    public int score() {
        return score;
    }

    public Finding build() {
        return new Finding(rule.id(), rule.category(), Severity.ofScore(score), score, title, summary, explanation,
                culprit, evidence, stacks, recommendation, view, window);
    }
}
