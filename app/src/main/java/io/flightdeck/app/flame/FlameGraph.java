package io.flightdeck.app.flame;

import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.app.theme.Palette;

import java.util.function.IntFunction;
import java.util.function.LongFunction;
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
 * A flame graph painted on a Canvas of our own: one row per stack depth, each frame as wide as its share of its
 * parent. Click to zoom into a frame, hover for its numbers, search to highlight frames by name. Frames narrower
 * than a pixel are not drawn (nor is anything below them), so a repaint costs what is visible, not what was
 * recorded.
 */
public final class FlameGraph extends Region {
    public static final double ROW_HEIGHT = 18;
    private static final double TEXT_MIN_WIDTH = 24;
    /** Frames narrower than this many pixels are not drawn, nor anything they called. */
    private static final double MIN_WIDTH = 1.0;

    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("System", 11);
    private final double charWidth;
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyObjectWrapper<int[]> zoomPath = new ReadOnlyObjectWrapper<>(new int[]{CallTree.ROOT});
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyDoubleWrapper matchPercent = new ReadOnlyDoubleWrapper(Double.NaN);

    private CallTree tree;
    private IntFunction<String> names = m -> "";
    private IntFunction<FrameKind> kinds = m -> FrameKind.APPLICATION;
    private LongFunction<String> format = Long::toString;
    private Palette palette;
    private boolean icicle;
    private Pattern search;
    private boolean[] matches;
    private int zoom = CallTree.ROOT;
    private int drawnFrames;

    public FlameGraph(Palette palette) {
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
        getStyleClass().add("fd-flame-graph");
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
        this.zoom = CallTree.ROOT;
        zoomPath.set(new int[]{CallTree.ROOT});
        recomputeMatches();
        requestLayout();
        paint();
    }

    public CallTree tree() {
        return tree;
    }

    public void setPalette(Palette newPalette) {
        this.palette = newPalette;
        paint();
    }

    /** Icicle: the root at the top, callees below; flame: the root at the bottom. */
    public void setIcicle(boolean value) {
        this.icicle = value;
        paint();
    }

    public boolean isIcicle() {
        return icicle;
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

    /** Share of the whole tree in frames matching the search (each sample counted once), NaN without a search. */
    public ReadOnlyDoubleProperty matchPercentProperty() {
        return matchPercent.getReadOnlyProperty();
    }

    /** Nodes from the root to the zoomed frame (the breadcrumb). */
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
        zoomTo(CallTree.ROOT);
    }

    /** Frames drawn by the last repaint (the rest were too narrow to see). */
    public int drawnFrames() {
        return drawnFrames;
    }

    /** The label a node shows: its method, or "all" for the root. */
    public String label(int node) {
        return node == CallTree.ROOT ? "all" : names.apply(tree.method(node));
    }

    /** What the tooltip of a node says. */
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
            matchPercent.set(Double.NaN);
            return;
        }
        matches = new boolean[tree.size()];
        java.util.Map<Integer, Boolean> byMethod = new java.util.HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            int m = tree.method(n);
            matches[n] = byMethod.computeIfAbsent(m, x -> search.matcher(names.apply(x)).find());
        }
        long all = tree.total(CallTree.ROOT);
        long matched = tree.matchingTotal(m -> byMethod.getOrDefault(m, false));
        matchPercent.set(all == 0 ? 0 : 100.0 * matched / all);
    }

    /** Repaints everything (the FX thread's job: a few thousand rectangles at most). */
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
        // the zoomed frame's ancestors span the whole width, as context
        int[] path = zoomPath.get();
        for (int i = 0; i < path.length - 1; i++) {
            drawFrame(g, path[i], 0, w, h, true);
        }
        draw(g, zoom, 0, w, h);
    }

    private void draw(GraphicsContext g, int node, double x, double width, double h) {
        drawFrame(g, node, x, width, h, false);
        long total = tree.total(node);
        if (total == 0) {
            return;
        }
        double childX = x;
        for (int child : tree.children(node)) {
            double cw = width * tree.total(child) / total;
            if (cw < MIN_WIDTH) {
                break; // children are heaviest first: the rest are narrower still
            }
            draw(g, child, childX, cw, h);
            childX += cw;
        }
    }

    private void drawFrame(GraphicsContext g, int node, double x, double width, double h, boolean context) {
        double y = rowY(tree.depth(node), h);
        Color fill = colour(node, context);
        g.setFill(fill);
        g.fillRect(x, y, Math.max(width - 0.5, 0.5), ROW_HEIGHT - 1);
        drawnFrames++;
        if (width >= TEXT_MIN_WIDTH) {
            String text = label(node);
            int fit = (int) ((width - 6) / charWidth);
            if (fit < text.length()) {
                text = fit <= 1 ? "" : text.substring(Math.max(0, text.length() - fit + 1)) ;
                text = text.isEmpty() ? "" : "…" + text;
            }
            if (!text.isEmpty()) {
                g.setFill(fill.getBrightness() > 0.6 ? Color.web("#1f2328") : Color.WHITE);
                g.fillText(text, x + 3, y + ROW_HEIGHT / 2);
            }
        }
    }

    private double rowY(int depth, double h) {
        return icicle ? depth * ROW_HEIGHT : h - (depth + 1) * ROW_HEIGHT;
    }

    private Color colour(int node, boolean context) {
        if (node == CallTree.ROOT || context) {
            return palette.dark() ? Color.web("#3a3f47") : Color.web("#c9d1d9");
        }
        if (matches != null && matches[node]) {
            return palette.match();
        }
        Color base = switch (kinds.apply(tree.method(node))) {
            case APPLICATION -> palette.application();
            case LIBRARY -> palette.library();
            case JDK -> palette.jdk();
        };
        int hash = names.apply(tree.method(node)).hashCode();
        double shift = ((hash & 0xFF) / 255.0 - 0.5) * 0.16;
        return base.deriveColor((hash >> 8 & 0x1F) - 16, 1, 1 + shift, 1);
    }

    /** The node drawn at a point, or -1. */
    public int nodeAt(double x, double y) {
        if (tree == null) {
            return -1;
        }
        double h = canvas.getHeight();
        double w = canvas.getWidth();
        int depth = (int) Math.floor(icicle ? y / ROW_HEIGHT : (h - y) / ROW_HEIGHT);
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
            long total = tree.total(node);
            int next = -1;
            double cx = nx;
            for (int child : tree.children(node)) {
                double cw = nw * tree.total(child) / Math.max(1, total);
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
