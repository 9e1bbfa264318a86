package io.flightdeck.app.chart;

import io.flightdeck.app.theme.Palette;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/** Maps the app's {@link Palette} onto JFreeChart (which otherwise keeps its own light colours in a dark theme). */
public final class ChartTheme {
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private ChartTheme() {
    }

    static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    public static void apply(JFreeChart chart, Palette palette) {
        chart.setBackgroundPaint(awt(palette.background()));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(awt(palette.text()));
            chart.getTitle().setFont(TITLE_FONT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(awt(palette.background()));
                legend.setItemPaint(awt(palette.text()));
                legend.setItemFont(LABEL_FONT);
            } else if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(awt(palette.mutedText()));
            }
        }
        plot(chart.getPlot(), palette);
    }

    private static void plot(Plot plot, Palette palette) {
        plot.setBackgroundPaint(awt(palette.background()));
        plot.setOutlinePaint(awt(palette.grid()));
        if (plot instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis(), palette);
            for (XYPlot sub : combined.getSubplots()) {
                plot(sub, palette);
            }
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(awt(palette.grid()));
            xy.setRangeGridlinePaint(awt(palette.grid()));
            xy.setDomainGridlineStroke(new BasicStroke(0.5f));
            xy.setRangeGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), palette);
            }
            if (xy.getDomainAxis() != null) {
                axis(xy.getDomainAxis(), palette);
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(awt(palette.grid()));
            axis(cat.getDomainAxis(), palette);
            axis(cat.getRangeAxis(), palette);
        }
    }

    private static void axis(Axis axis, Palette palette) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(awt(palette.mutedText()));
        axis.setTickLabelPaint(awt(palette.mutedText()));
        axis.setAxisLinePaint(awt(palette.grid()));
        axis.setTickMarkPaint(awt(palette.grid()));
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT);
    }
}
