package io.flightdeck.app.flame;

import io.flightdeck.analysis.output.FlameExport;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.TreeShape;
import io.flightdeck.app.task.TaskHandle;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.theme.Palette;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A differential flame graph (baseline → candidate) on a Canvas of our own, painted by the same {@link FlameCanvas}
 * as {@link FlameGraph}.
 * <p>
 * <b>Width</b>: {@link DiffTree#layoutWeight} — each frame is as wide as the larger of its two shares (plus what its
 * callees need), so frames that exist only in the baseline stay visible next to what replaced them; a frame never
 * disappears because the candidate no longer runs it. <b>Colour</b>: the change of the frame's share of its side's
 * total — red when it grew, blue when it shrank, grey when unchanged; the largest change in the graph gets the full
 * colour ({@link FlameExport#diffColour}, the same as the SVG and HTML exports). Hover for both values and the
 * change, click to zoom, search to highlight frames by name.
 * <p>
 * The tree is built off the FX thread ({@link #load}); this class only paints.
 */
public final class DiffFlameGraph extends FlameCanvas {
    public static final double ROW_HEIGHT = FlameCanvas.ROW;

    private final ReadOnlyDoubleWrapper matchBaselinePercent = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper matchCandidatePercent = new ReadOnlyDoubleWrapper(Double.NaN);

    private DiffTree tree;
    private double scale = 1;
    private TaskHandle loading;

    public DiffFlameGraph(Palette palette) {
        super(palette, "fd-diff-flame-graph");
    }

    /**
     * Builds a tree in the background (for example {@code () -> DiffTree.of(FlameTree.of(base, kind, false),
     * FlameTree.of(candidate, kind, false))}) and shows it when ready; a load still running is cancelled.
     */
    public TaskHandle load(TaskRunner tasks, java.util.function.Supplier<DiffTree> build, Consumer<Throwable> onError) {
        if (loading != null) {
            loading.cancel();
        }
        loading = tasks.run("Building the differential flame graph", (progress, cancel) -> build.get(),
                this::setTree, onError);
        return loading;
    }

    /** Shows a tree (FX thread; the tree is already built). */
    public void setTree(DiffTree newTree) {
        this.tree = newTree;
        this.scale = newTree == null ? 1 : FlameExport.diffScale(newTree);
        treeChanged();
    }

    public DiffTree tree() {
        return tree;
    }

    /** Share of the baseline in frames matching the search (each sample once), NaN without a search. */
    public ReadOnlyDoubleProperty matchBaselinePercentProperty() {
        return matchBaselinePercent.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty matchCandidatePercentProperty() {
        return matchCandidatePercent.getReadOnlyProperty();
    }

    @Override
    public String label(int node) {
        return tree.label(node);
    }

    /** What the tooltip of a node says: its name, both values with their shares, and the change. */
    @Override
    public String describe(int node) {
        return FlameExport.describe(tree, node);
    }

    @Override
    TreeShape shape() {
        return tree;
    }

    @Override
    double layoutWeight(int node) {
        return tree.layoutWeight(node);
    }

    @Override
    Color frameColour(int node) {
        int[] rgb = FlameExport.diffColour(tree.deltaPoints(node), scale);
        return Color.rgb(rgb[0], rgb[1], rgb[2]);
    }

    @Override
    Color textColour(Color fill) {
        return fill.getBrightness() > 0.6 && fill.getSaturation() < 0.6 ? Color.web("#1f2328") : Color.WHITE;
    }

    @Override
    void decorate(GraphicsContext g, int node, double x, double y, double width) {
        if (tree.presence(node) == DiffTree.Presence.BASELINE_ONLY && width >= 4) {
            // a frame the candidate no longer runs: dashed outline, so it reads as "gone", not as "small"
            g.setStroke(Color.web("#1f2328", 0.55));
            g.setLineDashes(3, 2);
            g.strokeRect(x + 0.5, y + 0.5, Math.max(width - 1.5, 0.5), FlameCanvas.ROW - 2);
            g.setLineDashes();
        }
    }

    @Override
    boolean[] matches(Pattern search) {
        if (tree == null || search == null) {
            matchBaselinePercent.set(Double.NaN);
            matchCandidatePercent.set(Double.NaN);
            return null;
        }
        boolean[] matches = new boolean[tree.size()];
        Map<String, Boolean> byName = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            matches[n] = byName.computeIfAbsent(tree.label(n), x -> search.matcher(x).find());
        }
        long b = 0;
        long c = 0;
        int[] stack = new int[tree.size() + 1];
        int top = 0;
        stack[top++] = DiffTree.ROOT;
        while (top > 0) {
            int n = stack[--top];
            if (matches[n]) {
                b += tree.baselineTotal(n);
                c += tree.candidateTotal(n);
                continue;
            }
            for (int child : tree.children(n)) {
                stack[top++] = child;
            }
        }
        long bAll = tree.baselineTotal(DiffTree.ROOT);
        long cAll = tree.candidateTotal(DiffTree.ROOT);
        matchBaselinePercent.set(bAll == 0 ? 0 : 100.0 * b / bAll);
        matchCandidatePercent.set(cAll == 0 ? 0 : 100.0 * c / cAll);
        return matches;
    }
}
