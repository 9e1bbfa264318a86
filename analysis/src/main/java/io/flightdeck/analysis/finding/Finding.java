package io.flightdeck.analysis.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis: what is wrong, how bad, where, why it matters, what to do, and the numbers behind it.
 *
 * @param id             the rule's id
 * @param category       one of the categories of the CLI contract ("cpu-hotspot", "lock-contention", ...)
 * @param score          0–100: the share of the application's time or resources the finding explains, weighed
 *                       by how sure the rule is; {@link #severity()} follows from it
 * @param summary        one or two sentences with the numbers
 * @param explanation    why this matters and how the rule came to it
 * @param evidence       the typed values that triggered the finding, with units in their names
 * @param stacks         the stacks that show it, heaviest first, each top frame first, with their share
 * @param recommendation the concrete fix pattern
 * @param view           the view that shows it: overview, cpu, memory, locks, gc, io, heap
 * @param window         when it happened, if the rule can tell (null otherwise; left out of JSON then)
 */
@JsonPropertyOrder({"id", "category", "severity", "score", "title", "summary", "culprit", "evidence",
        "recommendation", "explanation", "stacks", "view", "window"})
public record Finding(String id, String category, Severity severity, int score, String title, String summary,
        String explanation, Culprit culprit, Map<String, Object> evidence, List<StackShare> stacks,
        String recommendation, String view, @JsonInclude(JsonInclude.Include.NON_NULL) Window window) {

    /**
     * The title and the summary as one line, without saying the same thing twice when the summary already opens
     * with what the title says.
     */
    /** Categories about the host and the recording rather than the application: shown after its findings. */
    public static final java.util.Set<String> CIRCUMSTANCE_CATEGORIES = java.util.Set.of("environment",
            "recording-quality");

    /**
     * A finding about the circumstances of the run (the host's load, the recording's length or settings), not the
     * application: it never outranks an application finding and is listed in a block of its own.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCircumstance() {
        return CIRCUMSTANCE_CATEGORIES.contains(category);
    }

    /** The application's findings first (by score), then the circumstances (by score). */
    public static final java.util.Comparator<Finding> RANKING = java.util.Comparator
            .comparing(Finding::isCircumstance)
            .thenComparing(java.util.Comparator.comparingInt(Finding::score).reversed())
            .thenComparing(Finding::id);

    public String headline() {
        String t = title == null ? "" : title.strip();
        String sum = summary == null ? "" : summary.strip();
        String bare = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        if (sum.isEmpty()) {
            return t;
        }
        if (bare.isEmpty() || sum.toLowerCase(java.util.Locale.ROOT).startsWith(bare.toLowerCase(java.util.Locale.ROOT))) {
            return Character.toUpperCase(sum.charAt(0)) + sum.substring(1);
        }
        return t + ": " + sum;
    }

    /**
     * The summary to show under or beside the title: empty when it only says the title again ("The recording covers
     * only 5.10 s" / "the recording covers only 5.10 s."), so no view prints the same sentence twice.
     */
    public String detail() {
        String t = title == null ? "" : title.strip().replaceAll("[.:]+$", "");
        String sum = summary == null ? "" : summary.strip();
        String rest = sum.length() >= t.length() && sum.substring(0, t.length()).equalsIgnoreCase(t)
                ? sum.substring(t.length()).replaceAll("^[\\s.:;,]+", "") : sum;
        return rest.isEmpty() ? "" : sum;
    }

    public Finding {
        // in the order the rule gave them: the first values are the ones it leads with
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        stacks = List.copyOf(stacks);
    }

    /** A stack behind a finding and the part of the finding's weight it carries. */
    @JsonPropertyOrder({"percent", "frames"})
    public record StackShare(double percent, List<String> frames) {
        public StackShare {
            frames = List.copyOf(frames);
        }
    }

    /**
     * A time range of the recording the finding is about, in seconds from the recording's start (the same
     * seconds as {@code --from +T} / {@code --to +T}).
     */
    @JsonPropertyOrder({"fromSeconds", "toSeconds"})
    public record Window(double fromSeconds, double toSeconds) {
        public Window {
            if (!(toSeconds >= fromSeconds)) {
                throw new IllegalArgumentException("the window ends (" + toSeconds + ") before it starts ("
                        + fromSeconds + ")");
            }
        }
    }
}
