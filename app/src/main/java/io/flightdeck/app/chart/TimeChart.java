package io.flightdeck.app.chart;

import io.flightdeck.app.theme.Palette;

import java.awt.BasicStroke;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Time charts stacked on one shared time axis (seconds from the recording's start), each a panel of lines,
 * steps or bars. Dragging across any panel selects a time range; the selection is drawn on every panel.
 */
public final class TimeChart extends StackPane {
    /** One series of a panel: its name, the palette colour it uses, and x (seconds) / y values. */
    public record Series(String name, Function<Palette, Color> color, double[] x, double[] y) {
    }

    /** How a panel draws its series. */
    public enum Style { LINE, STEP, BARS, POINTS }

    /** A horizontal reference line (the maximum heap, say). */
    public record Line(String label, Function<Palette, Color> color, double value) {
    }

    /** Receives a selected range, in seconds from the recording's start. */
    @FunctionalInterface
    public interface SelectionListener {
        void selected(double fromSeconds, double toSeconds);
    }

    private record Panel(String title, String unit, Style style, List<Series> series, List<Line> lines,
            Function<Double, String> valueFormat, int weight) {
    }

    private final List<Panel> panels = new ArrayList<>();
    private final double durationSeconds;
    private final Rectangle dragBand = new Rectangle();
    private ChartViewer viewer;
    private CombinedDomainXYPlot plot;
    private Palette palette;
    private SelectionListener selectionListener;
    private double[] selection;
    private double dragStartX = Double.NaN;

    /** Where the time axis starts on the wall clock, when it shows clock time instead of seconds; else null. */
    private java.time.Instant clockStart;

    public TimeChart(double durationSeconds, Palette palette) {
        this.durationSeconds = durationSeconds;
        this.palette = palette;
        dragBand.setManaged(false);
        dragBand.setVisible(false);
        dragBand.setMouseTransparent(true);
        getStyleClass().add("fd-time-chart");
    }

    /**
     * Adds a panel.
     *
     * @param valueFormat formats a y value with its unit for tooltips
     * @param weight      relative height among the panels
     */
    public TimeChart panel(String title, String unit, Style style, List<Series> series, List<Line> lines,
            Function<Double, String> valueFormat, int weight) {
        panels.add(new Panel(title, unit, style, series, lines, valueFormat, weight));
        return this;
    }

    /**
     * Labels the time axis with the wall-clock time (this machine's zone) instead of seconds since the start: for
     * spans of hours or days, where "41327 s" says nothing. The values stay seconds from {@code start}.
     */
    public TimeChart clockAxis(java.time.Instant start) {
        this.clockStart = start;
        return this;
    }

    /** A time on the axis as text: seconds, or the wall-clock time when {@link #clockAxis} was set. */
    private String timeText(double seconds) {
        if (clockStart == null) {
            return String.format("%.1f s", seconds);
        }
        java.time.ZonedDateTime t = clockStart.plusNanos(Math.round(seconds * 1e9)).atZone(java.time.ZoneId.systemDefault());
        return t.format(java.time.format.DateTimeFormatter.ofPattern(durationSeconds > 2 * 86_400 ? "MM-dd HH:mm" : "HH:mm:ss"));
    }

    public void setOnSelection(SelectionListener listener) {
        this.selectionListener = listener;
    }

    /** Builds the chart after the panels are added. */
    public TimeChart build() {
        NumberAxis time = new NumberAxis(clockStart == null ? "seconds since the recording started"
                : "clock time (" + java.time.ZoneId.systemDefault().getId() + ")");
        time.setRange(0, Math.max(0.001, durationSeconds));
        if (clockStart != null) {
            time.setNumberFormatOverride(new ClockFormat());
        }
        time.setAutoRangeIncludesZero(true);
        plot = new CombinedDomainXYPlot(time);
        plot.setGap(6);
        for (Panel p : panels) {
            plot.add(subplot(p), p.weight());
        }
        JFreeChart chart = new JFreeChart(null, ChartTheme.LABEL_FONT, plot, true);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.getCanvas().setTooltipEnabled(true);
        getChildren().setAll(viewer, dragBand);
        installSelection();
        restyle(palette);
        return this;
    }

    private XYPlot subplot(Panel p) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : p.series()) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], s.y()[i], false);
            }
            data.addSeries(xy);
        }
        NumberAxis values = new NumberAxis(p.title() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")"));
        values.setAutoRangeIncludesZero(true);
        double lineMax = p.lines().stream().mapToDouble(Line::value).max().orElse(Double.NaN);
        if (!Double.isNaN(lineMax)) {
            // reference lines (the maximum heap) stay in view: the axis reaches past them
            double dataMax = 0;
            for (Series s : p.series()) {
                for (double y : s.y()) {
                    dataMax = Math.max(dataMax, y);
                }
            }
            values.setRange(0, Math.max(dataMax, lineMax) * 1.08);
        }
        XYToolTipGenerator tooltips = (dataset, series, item) -> dataset.getSeriesKey(series) + " at "
                + timeText(dataset.getXValue(series, item)) + ": "
                + p.valueFormat().apply(dataset.getYValue(series, item));
        var renderer = switch (p.style()) {
            case LINE -> new XYLineAndShapeRenderer(true, false);
            case POINTS -> new XYLineAndShapeRenderer(false, true);
            case STEP -> new XYStepRenderer();
            case BARS -> {
                XYBarRenderer bars = new XYBarRenderer();
                bars.setShadowVisible(false);
                bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
                bars.setMargin(0);
                yield bars;
            }
        };
        renderer.setDefaultToolTipGenerator(tooltips);
        XYPlot sub = new XYPlot(data, null, values, renderer);
        if (p.style() == Style.BARS) {
            // short pauses stay visible: every bar is at least 1/400 of the time axis wide
            data.setIntervalWidth(Math.max(durationSeconds / 400, 0.001));
        }
        return sub;
    }

    /** Repaints with another palette (theme change). */
    public void restyle(Palette newPalette) {
        this.palette = newPalette;
        if (viewer == null) {
            return;
        }
        ChartTheme.apply(viewer.getChart(), newPalette);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            XYPlot sub = plot.getSubplots().get(i);
            for (int s = 0; s < p.series().size(); s++) {
                sub.getRenderer().setSeriesPaint(s, ChartTheme.awt(p.series().get(s).color().apply(newPalette)));
                sub.getRenderer().setSeriesStroke(s, new BasicStroke(1.4f));
            }
            sub.clearRangeMarkers();
            for (Line line : p.lines()) {
                ValueMarker marker = new ValueMarker(line.value(), ChartTheme.awt(line.color().apply(newPalette)),
                        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 4}, 0));
                marker.setLabel(line.label());
                marker.setLabelPaint(ChartTheme.awt(line.color().apply(newPalette)));
                marker.setLabelFont(ChartTheme.LABEL_FONT);
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                sub.addRangeMarker(marker);
            }
        }
        dragBand.setFill(newPalette.selection());
        showSelection(selection == null ? Double.NaN : selection[0], selection == null ? Double.NaN : selection[1]);
    }

    /** Draws the selected range on every panel; NaN clears it. */
    public void showSelection(double fromSeconds, double toSeconds) {
        selection = Double.isNaN(fromSeconds) ? null : new double[]{fromSeconds, toSeconds};
        if (plot == null) {
            return;
        }
        for (XYPlot sub : plot.getSubplots()) {
            sub.clearDomainMarkers();
            if (selection != null) {
                IntervalMarker m = new IntervalMarker(fromSeconds, toSeconds);
                m.setPaint(ChartTheme.awt(palette.selection()));
                m.setOutlinePaint(null);
                sub.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
    }

    /** The x (seconds) under a point of the canvas, or NaN outside the data area. */
    private double secondsAt(double x, double y) {
        Rectangle2D area = viewer.getCanvas().findDataArea(new Point2D.Double(x, y));
        if (area == null) {
            area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        }
        if (area == null || area.getWidth() <= 0) {
            return Double.NaN;
        }
        double clampedX = Math.max(area.getMinX(), Math.min(area.getMaxX(), x));
        return plot.getDomainAxis().java2DToValue(clampedX, area, RectangleEdge.BOTTOM);
    }

    private void installSelection() {
        viewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isPrimaryButtonDown()) {
                dragStartX = e.getX();
            }
        });
        viewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragStartX)) {
                return;
            }
            double from = Math.min(dragStartX, e.getX());
            double to = Math.max(dragStartX, e.getX());
            dragBand.setX(from);
            dragBand.setY(0);
            dragBand.setWidth(to - from);
            dragBand.setHeight(getHeight());
            dragBand.setVisible(true);
            e.consume();
        });
        viewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            dragBand.setVisible(false);
            if (Double.isNaN(dragStartX)) {
                return;
            }
            double startX = dragStartX;
            dragStartX = Double.NaN;
            if (Math.abs(e.getX() - startX) < 4) {
                return;
            }
            double a = secondsAt(startX, e.getY());
            double b = secondsAt(e.getX(), e.getY());
            if (!Double.isNaN(a) && !Double.isNaN(b) && selectionListener != null) {
                selectionListener.selected(Math.max(0, Math.min(a, b)), Math.min(durationSeconds, Math.max(a, b)));
            }
            e.consume();
        });
    }

    /** Selects a range programmatically as a drag would (tests, keyboard). */
    public void select(double fromSeconds, double toSeconds) {
        if (selectionListener != null) {
            selectionListener.selected(fromSeconds, toSeconds);
        }
    }

    /** Tick labels of a clock axis: seconds since the start as wall-clock times. */
    private final class ClockFormat extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(timeText(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(timeText(number));
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            return null;
        }
    }
}
