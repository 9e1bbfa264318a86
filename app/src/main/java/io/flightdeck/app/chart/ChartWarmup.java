package io.flightdeck.app.chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loads and warms JFreeChart, Java2D and the AWT fonts on a background thread while the first recording is read,
 * so the first chart the user sees does not stall the FX thread with class loading and font setup.
 */
public final class ChartWarmup {
    private ChartWarmup() {
    }

    public static void start() {
        Thread t = new Thread(ChartWarmup::warm, "flightdeck-chart-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void warm() {
        try {
            XYSeriesCollection data = new XYSeriesCollection();
            XYSeries series = new XYSeries("warm-up");
            for (int i = 0; i < 200; i++) {
                series.add(i, Math.sin(i / 10.0));
            }
            data.addSeries(series);
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("time"));
            plot.add(new XYPlot(data, null, new NumberAxis("a"), new XYLineAndShapeRenderer(true, false)));
            plot.add(new XYPlot(data, null, new NumberAxis("b"), new XYBarRenderer()));
            JFreeChart chart = new JFreeChart(null, ChartTheme.LABEL_FONT, plot, true);
            BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 800, 400));
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that fails costs nothing but the warm-up
        }
    }
}
