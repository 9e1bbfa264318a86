package io.flightdeck.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.compare.Comparer;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.flame.FlameTree;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.app.task.TaskHandle;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.workspace.RecordingViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * A before/after comparison of two open recordings: each side is analysed already (its tab's snapshot, with the
 * tab's time range and thread filter), so comparing is the {@link Comparer}'s tests, the findings diff and the
 * budget check — run in the background whenever a side, its selection or the budget changes. The differential
 * flame graph of the chosen kind is built in the background after each comparison.
 */
public final class CompareViewModel {
    /** The differential tree of one kind and the methods whose share changed most. */
    public record Diff(FlameKind kind, DiffTree tree, List<DiffTree.MethodChange> topChanges) {
    }

    static final int TOP_CHANGES = 100;

    private final TaskRunner tasks;
    private final String version;
    private final ObjectProperty<RecordingViewModel> baseline = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordingViewModel> candidate = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Budget> budget = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ComparisonReport> report = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FlameKind> flameKind = new SimpleObjectProperty<>(FlameKind.CPU);
    private final ReadOnlyObjectWrapper<Diff> diff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Compare");
    private final ChangeListener<RecordingViewModel.Snapshot> sideChanged = (obs, old, now) -> run();
    private boolean suppress;
    /** Counts comparisons, so a result that arrives after a newer request is dropped. */
    private int generation;
    private JsonNode budgetTree;
    private TaskHandle pending;
    private TaskHandle pendingDiff;

    public CompareViewModel(TaskRunner tasks, String version) {
        this.tasks = tasks;
        this.version = version;
        ChangeListener<RecordingViewModel> side = (obs, old, now) -> {
            if (old != null) {
                old.snapshotProperty().removeListener(sideChanged);
            }
            if (now != null) {
                now.snapshotProperty().addListener(sideChanged);
            }
            updateTitle();
            run();
        };
        baseline.addListener(side);
        candidate.addListener(side);
        flameKind.addListener((obs, old, now) -> loadDiff());
    }

    /** The run before. Setting a side re-runs the comparison. */
    public ObjectProperty<RecordingViewModel> baselineProperty() {
        return baseline;
    }

    /** The run after. */
    public ObjectProperty<RecordingViewModel> candidateProperty() {
        return candidate;
    }

    public RecordingViewModel baseline() {
        return baseline.get();
    }

    public RecordingViewModel candidate() {
        return candidate.get();
    }

    /** Sets both sides at once (one comparison, not two). */
    public void setSides(RecordingViewModel newBaseline, RecordingViewModel newCandidate) {
        suppress = true;
        try {
            baseline.set(newBaseline);
            candidate.set(newCandidate);
        } finally {
            suppress = false;
        }
        run();
    }

    /** Baseline ↔ candidate. */
    public void swap() {
        setSides(candidate.get(), baseline.get());
    }

    /** The budget the candidate is checked against, or null. */
    public ReadOnlyObjectProperty<Budget> budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    /** The budget as its JSON tree (what a session stores), or null. */
    public JsonNode budgetTree() {
        return budgetTree;
    }

    /**
     * Uses a budget given as a tree (a session's) and re-runs the check.
     *
     * @throws Budget.BudgetException when the tree is not a valid budget
     */
    public void setBudget(String source, JsonNode tree) throws Budget.BudgetException {
        Budget b = tree == null || tree.isNull() ? null : Budget.of(source, tree);
        budgetTree = b == null ? null : tree;
        budget.set(b);
        run();
    }

    /** Reads a budget file (JSON or YAML) in the background, then re-runs the comparison with it. */
    public void loadBudget(Path file) {
        status.set("Reading the budget " + file.getFileName() + "…");
        tasks.run("Reading the budget " + file.getFileName(), (p, cancel) -> {
            Budget b = Budget.read(file);
            String text = Files.readString(file);
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            JsonNode tree = lower.endsWith(".yaml") || lower.endsWith(".yml") || !text.stripLeading().startsWith("{")
                    ? new YAMLMapper().readTree(text) : new JsonMapper().readTree(text);
            return new Object[]{b, tree};
        }, loaded -> {
            budgetTree = (JsonNode) loaded[1];
            budget.set((Budget) loaded[0]);
            run();
        }, error -> status.set(error instanceof Budget.BudgetException ? error.getMessage()
                : "Could not read the budget: " + error.getMessage()));
    }

    public void clearBudget() {
        budgetTree = null;
        budget.set(null);
        run();
    }

    public ReadOnlyObjectProperty<ComparisonReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ComparisonReport report() {
        return report.get();
    }

    public ObjectProperty<FlameKind> flameKindProperty() {
        return flameKind;
    }

    public Diff diff() {
        return diff.get();
    }

    public ReadOnlyObjectProperty<Diff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** True while the comparison or the differential tree is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 while running, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or why there is no comparison. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Compare: a.jfr → b.jfr", for the tab. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    private void updateTitle() {
        RecordingViewModel b = baseline.get();
        RecordingViewModel c = candidate.get();
        title.set("Compare: " + (b == null ? "?" : b.label()) + " → " + (c == null ? "?" : c.label()));
    }

    /** Stops the comparison under way (its result is dropped). */
    public void cancel() {
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (pendingDiff != null) {
            pendingDiff.cancel();
            pendingDiff = null;
        }
        progress.unbind();
        running.set(false);
        progress.set(-1);
        status.set("Cancelled: press Compare to run it again.");
    }

    /** Compares the two sides again (in the background). */
    public void run() {
        if (suppress) {
            return;
        }
        updateTitle();
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        lastBase = null;
        lastCand = null;
        RecordingViewModel b = baseline.get();
        RecordingViewModel c = candidate.get();
        if (b == null || c == null) {
            report.set(null);
            diff.set(null);
            running.set(false);
            status.set("Choose a baseline (the run before) and a candidate (the run after).");
            return;
        }
        if (b == c) {
            report.set(null);
            diff.set(null);
            running.set(false);
            status.set("The baseline and the candidate are the same recording: choose two different runs.");
            return;
        }
        // the sides' current analyses (their tabs' selections); a side still being analysed is analysed here
        RecordingViewModel.Snapshot sb = b.snapshot();
        RecordingViewModel.Snapshot sc = c.snapshot();
        Budget currentBudget = budget.get();
        int gen = ++generation;
        running.set(true);
        progress.unbind();
        progress.set(0);
        status.set("Comparing " + b.label() + " with " + c.label() + "…");
        pending = tasks.run("Comparing " + b.label() + " with " + c.label(), (p, cancel) -> {
            p.progress(0.05, "Analysing the baseline");
            Comparer.Input base = input(b, sb, cancel);
            cancel.throwIfCancelled();
            p.progress(0.35, "Analysing the candidate");
            Comparer.Input cand = input(c, sc, cancel);
            cancel.throwIfCancelled();
            p.progress(0.7, "Testing the metrics, comparing the findings, checking the budget");
            ComparisonReport r = new Comparer(version).compare(base, cand, currentBudget);
            cancel.throwIfCancelled();
            return new Object[]{r, base, cand};
        }, result -> {
            if (gen != generation) {
                return;
            }
            pending = null;
            progress.unbind();
            ComparisonReport r = (ComparisonReport) result[0];
            report.set(r);
            status.set("Verdict: " + r.verdict().label());
            lastBase = (Comparer.Input) result[1];
            lastCand = (Comparer.Input) result[2];
            loadDiff();
        }, error -> {
            if (gen != generation) {
                return;
            }
            pending = null;
            progress.unbind();
            running.set(false);
            progress.set(-1);
            status.set("The comparison failed: " + error.getMessage());
        });
        if (pending != null && running.get() && gen == generation) {
            progress.bind(pending.progressProperty());
        }
    }

    private Comparer.Input lastBase;
    private Comparer.Input lastCand;

    private Comparer.Input input(RecordingViewModel side, RecordingViewModel.Snapshot snapshot,
            io.flightdeck.ingest.CancellationToken cancel) {
        List<String> files = side.files().stream().map(Path::toString).toList();
        if (snapshot != null) {
            return new Comparer.Input(snapshot.analysis(), snapshot.report(), files);
        }
        io.flightdeck.analysis.Selection selection = new io.flightdeck.analysis.Selection(side.profile(),
                io.flightdeck.analysis.TimeRange.ALL, io.flightdeck.analysis.ThreadFilter.ALL);
        io.flightdeck.analysis.Analysis analysis = io.flightdeck.analysis.Analysis.of(selection, side.classifier());
        AnalysisReport r = new io.flightdeck.analysis.Diagnosis(version).analyse(analysis, RuleEngine.standard(),
                cancel::isCancelled);
        return new Comparer.Input(analysis, r, files);
    }

    private void loadDiff() {
        if (pendingDiff != null) {
            pendingDiff.cancel();
            pendingDiff = null;
        }
        if (lastBase == null || lastCand == null || report.get() == null) {
            running.set(false);
            return;
        }
        FlameKind kind = flameKind.get();
        int gen = generation;
        Comparer.Input base = lastBase;
        Comparer.Input cand = lastCand;
        running.set(true);
        progress.set(0.85);
        pendingDiff = tasks.run("Building the differential flame graph", (p, cancel) -> {
            DiffTree tree = DiffTree.of(FlameTree.of(base.selection(), kind, false),
                    FlameTree.of(cand.selection(), kind, false));
            cancel.throwIfCancelled();
            return new Diff(kind, tree, tree.topChanges(DiffTree.Rank.SELF, TOP_CHANGES));
        }, d -> {
            if (gen != generation || kind != flameKind.get()) {
                return;
            }
            pendingDiff = null;
            diff.set(d);
            running.set(false);
            progress.set(-1);
        }, error -> {
            if (gen != generation) {
                return;
            }
            pendingDiff = null;
            running.set(false);
            progress.set(-1);
            status.set("The differential flame graph failed: " + error.getMessage());
        });
    }
}
