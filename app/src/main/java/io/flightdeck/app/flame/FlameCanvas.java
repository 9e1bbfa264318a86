package io.flightdeck.app.flame;

import io.flightdeck.analysis.flame.TreeShape;
import io.flightdeck.app.theme.Palette;

import java.util.regex.Pattern;

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
 * The one flame-graph canvas: one row per stack depth, each frame as wide as its layout weight's share of its
 * parent's, painted on a Canvas of our own. Click to zoom into a frame (its ancestors stay as context across the
 * whole width), hover for its numbers, search to highlight frames by name. Frames narrower than a pixel are not
 * drawn, nor anything below them, so a repaint costs what is visible, not what was recorded. {@link FlameGraph}
 * (one tree) and {@link DiffFlameGraph} (baseline → candidate) say what the tree is, what a frame weighs, what it
 * is called and what colour it gets; everything else is here.
 */
abstract class FlameCanvas extends Region {
    static final double ROW = 18;
    private static final double TEXT_MIN_WIDTH = 24;
    /** Frames narrower than this many pixels are not drawn, nor anything they called. */
    private static final double MIN_WIDTH = 1.0;
    private static final int ROOT = 0;

    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("System", 11);
    private final double charWidth;
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyObjectWrapper<int[]> zoomPath = new ReadOnlyObjectWrapper<>(new int[]{ROOT});
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(-1);

    private Palette palette;
    private boolean icicle;
    private Pattern search;
    private boolean[] matches;
    private int zoom = ROOT;
    private int drawnFrames;

    FlameCanvas(Palette palette, String styleClass) {
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
        getStyleClass().add(styleClass);
    }

    // ---- what the subclass says about its tree --------------------------------------------------------------

    /** The tree shown, or null. */
    abstract TreeShape shape();

    /** How wide a frame is against its siblings. */
    abstract double layoutWeight(int node);

    /** The label a node shows. */
    public abstract String label(int node);

    /** What the tooltip of a node says. */
    public abstract String describe(int node);

    /** A frame's own fill (the root, context frames and search matches are coloured here). */
    abstract Color frameColour(int node);

    /**
     * Which nodes match the search (null: none), and the subclass's share properties; called on every new tree
     * and search.
     */
    abstract boolean[] matches(Pattern search);

    /** Paints what a frame needs beyond its fill and label (nothing by default). */
    void decorate(GraphicsContext g, int node, double x, double y, double width) {
    }

    /** The label's colour on a fill. */
    Color textColour(Color fill) {
        return fill.getBrightness() > 0.6 ? Color.web("#1f2328") : Color.WHITE;
    }

    // ---- shared behaviour -------------------------------------------------------------------------------------

    /** After a new tree: back to the root, searched again, laid out and painted. */
    final void treeChanged() {
        zoom = ROOT;
        zoomPath.set(new int[]{ROOT});
        matches = shape() != null ? matches(search) : null;
        requestLayout();
        paint();
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
        matches = shape() != null ? matches(search) : matches(null);
        paint();
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
        if (shape() == null || node < 0 || node >= shape().size()) {
            return;
        }
        zoom = node;
        zoomPath.set(shape().path(node));
        paint();
    }

    public void resetZoom() {
        zoomTo(ROOT);
    }

    /** Frames drawn by the last repaint (the rest were too narrow to see). */
    public int drawnFrames() {
        return drawnFrames;
    }

    /** The tooltip's current text (empty when nothing is hovered). */
    public String tooltipText() {
        return tooltip.getText();
    }

    /** The fill of a node as drawn now (what the colour says: see the subclass). */
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
        int depth = shape() != null ? shape().maxDepth() + 1 : 1;
        return depth * ROW + 4;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    /** Repaints what is visible (the FX thread's job: a few thousand rectangles at most). */
    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        drawnFrames = 0;
        if (shape() == null || w <= 0) {
            return;
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        // the zoomed frame's ancestors span the whole width, as context
        int[] zp = zoomPath.get();
        for (int i = 0; i < zp.length - 1; i++) {
            drawFrame(g, zp[i], 0, w, h, true);
        }
        draw(g, zoom, 0, w, h);
    }

    private void draw(GraphicsContext g, int node, double x, double width, double h) {
        drawFrame(g, node, x, width, h, false);
        double total = layoutWeight(node);
        if (total <= 0) {
            return;
        }
        double childX = x;
        for (int child : shape().children(node)) {
            double cw = width * layoutWeight(child) / total;
            if (cw < MIN_WIDTH) {
                break; // children are widest first: the rest are narrower still
            }
            draw(g, child, childX, cw, h);
            childX += cw;
        }
    }

    private void drawFrame(GraphicsContext g, int node, double x, double width, double h, boolean context) {
        double y = rowY(shape().depth(node), h);
        Color fill = colour(node, context);
        g.setFill(fill);
        g.fillRect(x, y, Math.max(width - 0.5, 0.5), ROW - 1);
        decorate(g, node, x, y, width);
        drawnFrames++;
        if (width >= TEXT_MIN_WIDTH) {
            String text = label(node);
            int fit = (int) ((width - 6) / charWidth);
            if (fit < text.length()) {
                text = fit <= 1 ? "" : "…" + text.substring(Math.max(0, text.length() - fit + 1));
            }
            if (!text.isEmpty()) {
                g.setFill(textColour(fill));
                g.fillText(text, x + 3, y + ROW / 2);
            }
        }
    }

    private double rowY(int depth, double h) {
        return icicle ? depth * ROW : h - (depth + 1) * ROW;
    }

    private Color colour(int node, boolean context) {
        if (node == ROOT || context) {
            return palette.dark() ? Color.web("#3a3f47") : Color.web("#c9d1d9");
        }
        if (matches != null && matches[node]) {
            return palette.match();
        }
        return frameColour(node);
    }

    Palette palette() {
        return palette;
    }

    /** The node drawn at a point, or -1. */
    public int nodeAt(double x, double y) {
        if (shape() == null) {
            return -1;
        }
        double h = canvas.getHeight();
        double w = canvas.getWidth();
        int depth = (int) Math.floor(icicle ? y / ROW : (h - y) / ROW);
        int[] zp = zoomPath.get();
        if (depth < 0) {
            return -1;
        }
        if (depth < zp.length - 1) {
            return zp[depth];
        }
        int node = zoom;
        double nx = 0;
        double nw = w;
        while (shape().depth(node) < depth) {
            double total = layoutWeight(node);
            int next = -1;
            double cx = nx;
            for (int child : shape().children(node)) {
                double cw = total <= 0 ? 0 : nw * layoutWeight(child) / total;
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
        if (shape() == null) {
            return null;
        }
        int[] target = shape().path(node);
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
            double total = layoutWeight(parent);
            double cx = x;
            boolean found = false;
            for (int child : shape().children(parent)) {
                double cw = total <= 0 ? 0 : w * layoutWeight(child) / total;
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
        return new double[]{x, rowY(shape().depth(node), h), w};
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
