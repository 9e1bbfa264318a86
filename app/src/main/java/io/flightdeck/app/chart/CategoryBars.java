package io.flightdeck.app.chart;

import io.flightdeck.app.theme.Palette;

import java.util.List;
import java.util.function.Function;

import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A bar per category (a distribution, say), in the palette's colours. */
public final class CategoryBars extends StackPane {
    private final ChartViewer viewer;
    private final Function<Palette, Color> color;

    public CategoryBars(String title, String valueLabel, List<String> categories, List<? extends Number> values,
            Function<Palette, Color> color, Palette palette) {
        this.color = color;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), valueLabel, categories.get(i));
        }
        CategoryAxis axis = new CategoryAxis(null);
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis range = new NumberAxis(valueLabel);
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultToolTipGenerator((dataset, row, column) -> dataset.getColumnKey(column) + ": "
                + dataset.getValue(row, column) + " " + valueLabel);
        CategoryPlot plot = new CategoryPlot(data, axis, range, renderer);
        JFreeChart chart = new JFreeChart(title, ChartTheme.TITLE_FONT, plot, false);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.getCanvas().setDomainZoomable(false);
        getChildren().add(viewer);
        restyle(palette);
    }

    public void restyle(Palette palette) {
        ChartTheme.apply(viewer.getChart(), palette);
        ((CategoryPlot) viewer.getChart().getPlot()).getRenderer().setSeriesPaint(0, ChartTheme.awt(color.apply(palette)));
    }
}
