package io.flightdeck.app.flame;

import io.flightdeck.analysis.output.FlameExport;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.app.task.TaskHandle;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.theme.Palette;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A differential flame graph (baseline → candidate) on a Canvas of our own, painted the way {@link FlameGraph}
 * paints one tree.
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
public final class DiffFlameGraph extends Region {
    public static final double ROW_HEIGHT = 18;
    private static final double TEXT_MIN_WIDTH = 24;
    private static final double MIN_WIDTH = 1.0;

    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("System", 11);
    private final double charWidth;
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyObjectWrapper<int[]> zoomPath = new ReadOnlyObjectWrapper<>(new int[]{DiffTree.ROOT});
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyDoubleWrapper matchBaselinePercent = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper matchCandidatePercent = new ReadOnlyDoubleWrapper(Double.NaN);

    private DiffTree tree;
    private Palette palette;
    private Pattern search;
    private boolean[] matches;
    private double scale = 1;
    private int zoom = DiffTree.ROOT;
    private int drawnFrames;
    private TaskHandle loading;

    public DiffFlameGraph(Palette palette) {
        this.palette = palette;
        Text probe = new Text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.$0123456789");
        probe.setFont(font);
        charWidth = probe.getLayoutBounds().getWidth() / probe.getText().length();
        getChildren().add(canvas);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.seconds(30));
        canvas.setOnMouseMoved(e -> hover(nodeAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hover(-1));
        canvas.setOnMouseClicked(e -> {
            int node = nodeAt(e.getX(), e.getY());
            if (node >= 0) {
                zoomTo(node);
            }
        });
        Tooltip.install(canvas, tooltip);
        getStyleClass().add("fd-diff-flame-graph");
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
        this.zoom = DiffTree.ROOT;
        zoomPath.set(new int[]{DiffTree.ROOT});
        recomputeMatches();
        requestLayout();
        paint();
    }

    public DiffTree tree() {
        return tree;
    }

    public void setPalette(Palette newPalette) {
        this.palette = newPalette;
        paint();
    }

    /** Highlights frames whose name matches (case-insensitive regular expression; literal text when invalid). */
    public void setSearch(String text) {
        if (text == null || text.isBlank()) {
            search = null;
        } else {
            try {
                search = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
            } catch (java.util.regex.PatternSyntaxException e) {
                search = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
            }
        }
        recomputeMatches();
        paint();
    }

    /** Share of the baseline in frames matching the search (each sample once), NaN without a search. */
    public ReadOnlyDoubleProperty matchBaselinePercentProperty() {
        return matchBaselinePercent.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty matchCandidatePercentProperty() {
        return matchCandidatePercent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> zoomPathProperty() {
        return zoomPath.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public int zoomedNode() {
        return zoom;
    }

    public void zoomTo(int node) {
        if (tree == null || node < 0 || node >= tree.size()) {
            return;
        }
        zoom = node;
        zoomPath.set(tree.path(node));
        paint();
    }

    public void resetZoom() {
        zoomTo(DiffTree.ROOT);
    }

    public int drawnFrames() {
        return drawnFrames;
    }

    public String label(int node) {
        return tree.label(node);
    }

    /** What the tooltip of a node says: its name, both values with their shares, and the change. */
    public String describe(int node) {
        return FlameExport.describe(tree, node);
    }

    /** The tooltip's current text (empty when nothing is hovered). */
    public String tooltipText() {
        return tooltip.getText();
    }

    /** The fill of a node (what the colour says: see the class comment). */
    public Color colour(int node) {
        return colour(node, false);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    @Override
    protected double computePrefHeight(double width) {
        int depth = tree == null ? 1 : tree.maxDepth() + 1;
        return depth * ROW_HEIGHT + 4;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    private void recomputeMatches() {
        if (tree == null || search == null) {
            matches = null;
            matchBaselinePercent.set(Double.NaN);
            matchCandidatePercent.set(Double.NaN);
            return;
        }
        matches = new boolean[tree.size()];
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
    }

    /** Repaints what is visible. */
    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        drawnFrames = 0;
        if (tree == null || w <= 0) {
            return;
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int[] path = zoomPath.get();
        for (int i = 0; i < path.length - 1; i++) {
            drawFrame(g, path[i], 0, w, h, true);
        }
        draw(g, zoom, 0, w, h);
    }

    private void draw(GraphicsContext g, int node, double x, double width, double h) {
        drawFrame(g, node, x, width, h, false);
        double total = tree.layoutWeight(node);
        if (total <= 0) {
            return;
        }
        double childX = x;
        for (int child : tree.children(node)) {
            double cw = width * tree.layoutWeight(child) / total;
            if (cw < MIN_WIDTH) {
                break; // widest first
            }
            draw(g, child, childX, cw, h);
            childX += cw;
        }
    }

    private void drawFrame(GraphicsContext g, int node, double x, double width, double h, boolean context) {
        double y = h - (tree.depth(node) + 1) * ROW_HEIGHT;
        Color fill = colour(node, context);
        g.setFill(fill);
        g.fillRect(x, y, Math.max(width - 0.5, 0.5), ROW_HEIGHT - 1);
        if (tree.presence(node) == DiffTree.Presence.BASELINE_ONLY && width >= 4) {
            // a frame the candidate no longer runs: dashed outline, so it reads as "gone", not as "small"
            g.setStroke(Color.web("#1f2328", 0.55));
            g.setLineDashes(3, 2);
            g.strokeRect(x + 0.5, y + 0.5, Math.max(width - 1.5, 0.5), ROW_HEIGHT - 2);
            g.setLineDashes();
        }
        drawnFrames++;
        if (width >= TEXT_MIN_WIDTH) {
            String text = label(node);
            int fit = (int) ((width - 6) / charWidth);
            if (fit < text.length()) {
                text = fit <= 1 ? "" : "…" + text.substring(Math.max(0, text.length() - fit + 1));
            }
            if (!text.isEmpty()) {
                g.setFill(fill.getBrightness() > 0.6 && fill.getSaturation() < 0.6 ? Color.web("#1f2328") : Color.WHITE);
                g.fillText(text, x + 3, y + ROW_HEIGHT / 2);
            }
        }
    }

    private Color colour(int node, boolean context) {
        if (node == DiffTree.ROOT || context) {
            return palette.dark() ? Color.web("#3a3f47") : Color.web("#c9d1d9");
        }
        if (matches != null && matches[node]) {
            return palette.match();
        }
        int[] rgb = FlameExport.diffColour(tree.deltaPoints(node), scale);
        return Color.rgb(rgb[0], rgb[1], rgb[2]);
    }

    /** The node drawn at a point, or -1. */
    public int nodeAt(double x, double y) {
        if (tree == null) {
            return -1;
        }
        double h = canvas.getHeight();
        double w = canvas.getWidth();
        int depth = (int) Math.floor((h - y) / ROW_HEIGHT);
        int[] path = zoomPath.get();
        if (depth < 0) {
            return -1;
        }
        if (depth < path.length - 1) {
            return path[depth];
        }
        int node = zoom;
        double nx = 0;
        double nw = w;
        while (tree.depth(node) < depth) {
            double total = tree.layoutWeight(node);
            int next = -1;
            double cx = nx;
            for (int child : tree.children(node)) {
                double cw = total <= 0 ? 0 : nw * tree.layoutWeight(child) / total;
                if (cw < MIN_WIDTH) {
                    break;
                }
                if (x >= cx && x < cx + cw) {
                    next = child;
                    nw = cw;
                    nx = cx;
                    break;
                }
                cx += cw;
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return x >= nx && x < nx + nw ? node : -1;
    }

    /** Where a node is drawn now (x, y, width), or null when it is not visible. */
    public double[] boundsOf(int node) {
        if (tree == null) {
            return null;
        }
        int[] target = tree.path(node);
        int[] zp = zoomPath.get();
        double h = canvas.getHeight();
        double x = 0;
        double w = canvas.getWidth();
        for (int i = 0; i < target.length; i++) {
            if (i < zp.length) {
                if (target[i] != zp[i]) {
                    return null;
                }
                continue;
            }
            int parent = target[i - 1];
            double total = tree.layoutWeight(parent);
            double cx = x;
            boolean found = false;
            for (int child : tree.children(parent)) {
                double cw = total <= 0 ? 0 : w * tree.layoutWeight(child) / total;
                if (cw < MIN_WIDTH) {
                    break;
                }
                if (child == target[i]) {
                    x = cx;
                    w = cw;
                    found = true;
                    break;
                }
                cx += cw;
            }
            if (!found) {
                return null;
            }
        }
        return new double[]{x, h - (tree.depth(node) + 1) * ROW_HEIGHT, w};
    }

    private void hover(int node) {
        hovered.set(node);
        if (node < 0) {
            tooltip.setText("");
            tooltip.hide();
        } else {
            tooltip.setText(describe(node));
        }
    }
}
