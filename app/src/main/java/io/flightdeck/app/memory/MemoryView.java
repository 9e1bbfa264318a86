package io.flightdeck.app.memory;

import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.flame.FlameGraphView;
import io.flightdeck.app.widgets.LazyTabs;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Allocation by class and by site (tables and a flame graph by bytes), the heap over time, the class histogram. */
public final class MemoryView implements FeatureView {
    private final ViewContext ctx;
    private Node node;
    private Tables.Searchable<AnalysisReport.ClassBytes> byClass;

    public MemoryView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "Memory";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    public Tables.Searchable<AnalysisReport.ClassBytes> byClass() {
        node();
        return byClass;
    }

    private Node build() {
        byClass = new Tables.Searchable<>("Search classes", AnalysisReport.ClassBytes::className,
                Tables.text("Class", AnalysisReport.ClassBytes::className, "The allocated class."),
                Tables.number("Bytes", AnalysisReport.ClassBytes::bytes, v -> Format.bytes((long) v),
                        "Bytes allocated, estimated from jdk.ObjectAllocationSample weights (each sample stands "
                                + "for the bytes its thread allocated since its previous sample)."),
                Tables.number("%", AnalysisReport.ClassBytes::percent, Format::percent, "Share of all bytes."),
                Tables.text("Top site", AnalysisReport.ClassBytes::topSite,
                        "The application method that allocated most of this class."));
        byClass.setId("alloc-by-class");
        Tables.Searchable<AnalysisReport.MethodBytes> bySite = new Tables.Searchable<>("Search methods",
                AnalysisReport.MethodBytes::method,
                Tables.text("Allocating method", AnalysisReport.MethodBytes::method,
                        "The nearest application frame of the allocation's stack (not the JDK code it called)."),
                Tables.number("Bytes", AnalysisReport.MethodBytes::bytes, v -> Format.bytes((long) v),
                        "Bytes allocated from this method, estimated from the allocation samples."),
                Tables.number("%", AnalysisReport.MethodBytes::percent, Format::percent, "Share of all bytes."));
        bySite.setId("alloc-by-site");
        Label summary = new Label();
        Tables.Searchable<AnalysisReport.HistogramRow> histogram = new Tables.Searchable<>("Search classes",
                AnalysisReport.HistogramRow::className,
                Tables.text("Class", AnalysisReport.HistogramRow::className, "A class on the heap."),
                Tables.number("Instances", AnalysisReport.HistogramRow::instances, v -> Format.count((long) v),
                        "Live instances in the last snapshot (jdk.ObjectCount / jdk.ObjectCountAfterGC)."),
                Tables.number("Bytes", AnalysisReport.HistogramRow::bytes, v -> Format.bytes((long) v),
                        "Bytes those instances take."),
                Tables.number("Growth", AnalysisReport.HistogramRow::bytesGrowth, v -> Format.bytes((long) v),
                        "Bytes in the last snapshot minus bytes in the first."));
        Label histogramNote = new Label();
        histogramNote.setWrapText(true);
        ctx.onSnapshot(title(), s -> {
            AnalysisReport.Allocation a = s.report().allocation();
            byClass.setRows(a.byClass());
            bySite.setRows(a.byApplicationSite());
            summary.setText(Format.bytes(a.totalBytes()) + " allocated (" + Format.bytesPerSecond(a.bytesPerSecond())
                    + ") in the selection, from " + Format.count(a.samples()) + " allocation samples");
            histogram.setRows(s.report().histogram().top());
            histogramNote.setText(s.report().histogram().snapshots() == 0
                    ? "This recording has no heap histogram: enable jdk.ObjectCount (or jdk.ObjectCountAfterGC) "
                    + "when recording, or open a jmap -histo / jcmd GC.class_histogram file."
                    : s.report().histogram().snapshots() + " snapshots from " + s.report().histogram().source());
        });
        SplitPane tables = new SplitPane(byClass, bySite);
        BorderPane allocation = new BorderPane(tables);
        allocation.setTop(summary);
        BorderPane.setMargin(summary, new Insets(6));
        StackPane heap = new StackPane();
        ctx.chartWhenReady(heap, series -> {
            TimeChart chart = ctx.timeChart(c -> c
                    .panel("Heap", "MiB", TimeChart.Style.POINTS, series.heap(), series.maxHeap(),
                            v -> Format.bytes(v * 1048576), 3)
                    .panel("Allocation", "MiB/s", TimeChart.Style.LINE, series.allocation(), List.of(),
                            v -> Format.bytesPerSecond(v * 1048576), 2));
            chart.setId("memory-chart");
            return chart;
        });
        VBox histogramPane = new VBox(6, histogramNote, histogram);
        histogramPane.setPadding(new Insets(6));
        return new LazyTabs().tab("Allocation", () -> allocation)
                .tab("Flame graph (bytes)", () -> new FlameGraphView(ctx, FlameKind.ALLOC))
                .tab("Heap", () -> heap).tab("Class histogram", () -> histogramPane);
    }
}
