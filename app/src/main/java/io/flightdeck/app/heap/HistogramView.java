package io.flightdeck.app.heap;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.heap.HistogramAnalysis.ClassGrowth;
import io.flightdeck.analysis.heap.HistogramAnalysis.ClassShare;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Heap class histograms (jmap -histo / jcmd GC.class_histogram files, JFR object counts): the latest snapshot's
 * classes by bytes and, with two snapshots or more, the classes by bytes growth from the first to the last, the
 * leak hunter's table. The numbers are computed in the background by {@link HistogramViewModel}; this only paints.
 */
public final class HistogramView implements FeatureView {
    private final ViewContext ctx;
    private final HistogramViewModel vm;
    private Node node;
    private Tables.Searchable<ClassShare> top;
    private Tables.Searchable<ClassGrowth> growth;

    public HistogramView(ViewContext ctx, TaskRunner tasks) {
        this.ctx = ctx;
        this.vm = new HistogramViewModel(ctx.vm().histograms(), tasks);
    }

    @Override
    public String title() {
        return "Heap histogram";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
            vm.load();
        }
        return node;
    }

    public HistogramViewModel viewModel() {
        return vm;
    }

    private Node build() {
        top = new Tables.Searchable<>("Search classes", ClassShare::className,
                Tables.text("Class", ClassShare::className, "A class on the heap in the latest snapshot."),
                Tables.number("Instances", ClassShare::instances, v -> Format.count((long) v),
                        "Instances of the class in the latest snapshot."),
                Tables.number("Bytes", ClassShare::bytes, v -> Format.bytes((long) v),
                        "Bytes those instances take (shallow size, not what they keep alive)."),
                Tables.number("Share", ClassShare::bytesPercent, Format::percent,
                        "The class's share of all bytes in the latest snapshot."));
        top.setId("histogram-top");
        growth = new Tables.Searchable<>("Search classes", ClassGrowth::className,
                Tables.text("Class", ClassGrowth::className, "A class in the first or the last snapshot."),
                Tables.number("Bytes growth", ClassGrowth::bytesGrowth, HistogramViewModel::signedBytes,
                        "Bytes in the last snapshot minus bytes in the first: steady growth across snapshots taken "
                                + "after full GCs points at a leak."),
                Tables.number("Growth %", c -> c.bytesGrowthPercent().orElse(Double.POSITIVE_INFINITY),
                        HistogramViewModel::signedPercent,
                        "Bytes growth relative to the first snapshot (\"new\": not in the first snapshot)."),
                Tables.number("Instances growth", ClassGrowth::instancesGrowth,
                        v -> (v > 0 ? "+" : "") + Format.count((long) v),
                        "Instances in the last snapshot minus instances in the first."),
                Tables.number("Bytes now", ClassGrowth::lastBytes, v -> Format.bytes((long) v),
                        "Bytes in the last snapshot."));
        growth.setId("histogram-growth");
        Label summary = new Label();
        summary.setWrapText(true);
        VBox topPane = new VBox(4, ViewContext.title("Latest snapshot"), top);
        VBox growthPane = new VBox(4, ViewContext.title("Growth, first to last snapshot"), growth);
        VBox.setVgrow(top, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(growth, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(topPane);
        split.setOrientation(Orientation.VERTICAL);
        BorderPane root = new BorderPane(split);
        root.setTop(summary);
        BorderPane.setMargin(summary, new Insets(6));
        root.setPadding(new Insets(6));
        vm.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                return;
            }
            ctx.work().time("show the numbers of " + title(), () -> {
                summary.setText(data.summary());
                top.setRows(data.top());
                data.growth().ifPresent(g -> {
                    growth.setRows(g.classes());
                    if (!split.getItems().contains(growthPane)) {
                        split.getItems().add(growthPane);
                    }
                });
            });
        });
        return root;
    }
}
