package io.flightdeck.app.flame;

import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.TreeShape;
import io.flightdeck.app.theme.Palette;

import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.paint.Color;

/**
 * A flame graph of one call tree ({@link FlameCanvas} paints it): each frame as wide as its share of its parent,
 * coloured by who wrote the method (application, library, JDK) with a little variation per name.
 */
public final class FlameGraph extends FlameCanvas {
    public static final double ROW_HEIGHT = FlameCanvas.ROW;

    private final ReadOnlyDoubleWrapper matchPercent = new ReadOnlyDoubleWrapper(Double.NaN);

    private CallTree tree;
    private IntFunction<String> names = m -> "";
    private IntFunction<FrameKind> kinds = m -> FrameKind.APPLICATION;
    private LongFunction<String> format = Long::toString;

    public FlameGraph(Palette palette) {
        super(palette, "fd-flame-graph");
    }

    /**
     * Shows a call tree.
     *
     * @param methodNames names of the tree's method ids
     * @param frameKinds  who wrote each method (its colour)
     * @param valueFormat a node's total as text with its unit ("1,234 samples", "12.3 MiB")
     */
    public void setTree(CallTree newTree, IntFunction<String> methodNames, IntFunction<FrameKind> frameKinds,
            LongFunction<String> valueFormat) {
        this.tree = newTree;
        this.names = methodNames;
        this.kinds = frameKinds;
        this.format = valueFormat;
        treeChanged();
    }

    public CallTree tree() {
        return tree;
    }

    /** Share of the whole tree in frames matching the search (each sample counted once), NaN without a search. */
    public ReadOnlyDoubleProperty matchPercentProperty() {
        return matchPercent.getReadOnlyProperty();
    }

    /** The label a node shows: its method, or "all" for the root. */
    @Override
    public String label(int node) {
        return node == CallTree.ROOT ? "all" : names.apply(tree.method(node));
    }

    /** What the tooltip of a node says. */
    @Override
    public String describe(int node) {
        long total = tree.total(node);
        long all = tree.total(CallTree.ROOT);
        int parent = tree.parent(node);
        StringBuilder sb = new StringBuilder(label(node)).append('\n').append(format.apply(total));
        sb.append(String.format(" — %.2f %% of all", all == 0 ? 0 : 100.0 * total / all));
        if (parent >= 0) {
            long p = tree.total(parent);
            sb.append(String.format(", %.2f %% of its caller", p == 0 ? 0 : 100.0 * total / p));
        }
        if (tree.self(node) > 0 && node != CallTree.ROOT) {
            sb.append("\nself: ").append(format.apply(tree.self(node)));
        }
        return sb.toString();
    }

    @Override
    TreeShape shape() {
        return tree;
    }

    @Override
    double layoutWeight(int node) {
        return tree.total(node);
    }

    @Override
    Color frameColour(int node) {
        Color base = switch (kinds.apply(tree.method(node))) {
            case APPLICATION -> palette().application();
            case LIBRARY -> palette().library();
            case JDK -> palette().jdk();
        };
        int hash = names.apply(tree.method(node)).hashCode();
        double shift = ((hash & 0xFF) / 255.0 - 0.5) * 0.16;
        return base.deriveColor((hash >> 8 & 0x1F) - 16, 1, 1 + shift, 1);
    }

    @Override
    boolean[] matches(Pattern search) {
        if (tree == null || search == null) {
            matchPercent.set(Double.NaN);
            return null;
        }
        boolean[] matches = new boolean[tree.size()];
        java.util.Map<Integer, Boolean> byMethod = new java.util.HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            int m = tree.method(n);
            matches[n] = byMethod.computeIfAbsent(m, x -> search.matcher(names.apply(x)).find());
        }
        long all = tree.total(CallTree.ROOT);
        long matched = tree.matchingTotal(m -> byMethod.getOrDefault(m, false));
        matchPercent.set(all == 0 ? 0 : 100.0 * matched / all);
        return matches;
    }
}
