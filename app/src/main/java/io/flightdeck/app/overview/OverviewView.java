package io.flightdeck.app.overview;

import static io.flightdeck.analysis.format.Format.bytes;
import static io.flightdeck.analysis.format.Format.bytesPerSecond;
import static io.flightdeck.analysis.format.Format.percent;
import static io.flightdeck.analysis.format.Format.seconds;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.findings.FindingsViewModel;
import io.flightdeck.app.findings.SeverityBadge;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.widgets.Tile;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first view of a recording: what was recorded, the key numbers of the selection, the timeline of CPU, heap,
 * GC pauses, allocation and threads on one time axis, and the findings.
 */
public final class OverviewView implements FeatureView {
    private static final int TOP_FINDINGS = 5;
    private final ViewContext ctx;
    private Node node;

    private final Tile cpu = new Tile("JVM CPU", "Mean of jdk.CPULoad jvmUser + jvmSystem over the selection, "
            + "as a percentage of all CPUs of the machine; the detail shows the highest sample.");
    private final Tile machine = new Tile("Machine CPU", "Mean of jdk.CPULoad machineTotal: every process on "
            + "the machine, percent of all CPUs. Far above the JVM's share means other processes compete for CPU.");
    private final Tile pauseP99 = new Tile("GC pause p99", "99th percentile of the stop-the-world pauses that "
            + "started in the selection (jdk.GCPhasePause), interpolated between the closest ranks.");
    private final Tile pauseTotal = new Tile("GC pause total", "Sum of the stop-the-world pauses in the "
            + "selection, with their count.");
    private final Tile throughput = new Tile("GC throughput", "100 × (1 − pause time / selected time): the share "
            + "of time the application ran instead of waiting for the collector.");
    private final Tile allocation = new Tile("Allocation rate", "Heap growth between consecutive collections "
            + "(heap before a GC minus heap after the previous one) per second; the detail shows the estimate "
            + "from jdk.ObjectAllocationSample weights.");
    private final Tile heapAfter = new Tile("Heap after GC", "Largest heap occupancy right after a GC in the "
            + "selection, and its share of the maximum heap. Close to the maximum means the live set does not fit.");

    public OverviewView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    private Node build() {
        VBox root = new VBox(10);
        root.setPadding(new Insets(10));
        List<String> warnings = ctx.vm().warnings();
        if (!warnings.isEmpty()) {
            Label banner = new Label(String.join("\n", warnings));
            banner.setWrapText(true);
            banner.getStyleClass().add(Styles.WARNING_BANNER);
            root.getChildren().add(banner);
        }
        GridPane factsGrid = facts(ctx.vm().facts());
        root.getChildren().add(factsGrid);
        // a GC log alone has no CPU, thread or sampled-allocation data: show only what it can fill
        boolean recording = ctx.vm().hasRecording();
        FlowPane tiles = recording ? new FlowPane(8, 8, cpu, machine, pauseP99, pauseTotal, throughput, allocation,
                heapAfter) : new FlowPane(8, 8, pauseP99, pauseTotal, throughput, allocation, heapAfter);
        VBox findings = new VBox(4);
        findings.setId("findings");
        // the facts come first; the tiles and findings a frame later (each frame styles less that is new)
        javafx.application.Platform.runLater(() -> root.getChildren().addAll(
                root.getChildren().indexOf(factsGrid) + 1, List.of(tiles, ViewContext.title("Top findings"), findings)));
        StackPane chartHost = new StackPane();
        chartHost.setMinHeight(520);
        chartHost.setPrefHeight(620);
        ctx.chartWhenReady(chartHost, series -> {
            TimeChart chart = ctx.timeChart(c -> {
                if (recording) {
                    c.panel("CPU", "%", TimeChart.Style.LINE, series.cpu(), List.of(), v -> percent(v), 3);
                }
                c.panel("Heap", "MiB", TimeChart.Style.POINTS, series.heap(), series.maxHeap(),
                        v -> Format.bytes(v * 1048576), 3);
                c.panel("GC pauses", "ms", TimeChart.Style.BARS, series.pauses(), List.of(),
                        v -> Format.seconds(v / 1000), 2);
                if (recording || series.allocation().stream().anyMatch(s -> s.x().length > 0)) {
                    c.panel("Allocation", "MiB/s", TimeChart.Style.LINE, series.allocation(), List.of(),
                            v -> Format.bytesPerSecond(v * 1048576), 2);
                }
                if (recording) {
                    c.panel("Threads", "", TimeChart.Style.STEP, series.threads(), List.of(),
                            v -> String.format("%.0f threads", v), 2);
                }
            });
            chart.setId("overview-chart");
            return chart;
        });
        root.getChildren().addAll(ViewContext.title("Timeline — drag across a chart to select a time range"), chartHost);
        ctx.onSnapshot(title(), s -> update(s.report(), findings));
        return ViewContext.scroll(root);
    }

    private void update(AnalysisReport r, VBox findings) {
        AnalysisReport.Cpu c = r.cpu();
        boolean recording = ctx.vm().hasRecording();
        if (recording) {
            cpu.set(percent(c.jvmUserPercentAvg() + c.jvmSystemPercentAvg()), "peak " + percent(c.jvmPercentPeak()));
            machine.set(percent(c.machineTotalPercentAvg()), "peak " + percent(c.machineTotalPercentPeak()));
        } else {
            cpu.set(Format.MISSING, "no recording");
            machine.set(Format.MISSING, "no recording");
        }
        AnalysisReport.Gc gc = r.gc();
        pauseP99.set(seconds(gc.pausePercentilesSeconds().p99()), "max " + seconds(gc.pauseMaxSeconds()));
        pauseTotal.set(seconds(gc.pauseTotalSeconds()), gc.pauseCount() + " pauses, " + gc.fullPauseCount() + " full");
        throughput.set(Format.throughput(gc.throughputPercent()), gc.collector() == null ? "" : gc.collector());
        allocation.set(bytesPerSecond(gc.allocationRateBytesPerSecond()), recording
                ? "samples: " + bytesPerSecond(r.allocation().bytesPerSecond()) : "between collections");
        heapAfter.set(gc.heapAfterGcMaxBytes() > 0 ? bytes(gc.heapAfterGcMaxBytes()) : Format.MISSING,
                gc.heapAfterGcMaxPercentOfMax() == null ? "" : percent(gc.heapAfterGcMaxPercentOfMax()) + " of max");
        findings.getChildren().clear();
        if (r.findings().isEmpty()) {
            Label none = new Label("No findings for this selection.");
            none.getStyleClass().add(Styles.MUTED);
            findings.getChildren().add(none);
        }
        List<Finding> top = r.findings().stream().sorted(FindingsViewModel.ORDER).limit(TOP_FINDINGS).toList();
        for (Finding f : top) {
            findings.getChildren().add(findingRow(f));
        }
        if (r.findings().size() > top.size() || !top.isEmpty()) {
            javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink(r.findings().size() > top.size()
                    ? "All " + r.findings().size() + " findings, and every rule's result…"
                    : "Details, evidence and every rule's result…");
            all.setId("overview-all-findings");
            all.setOnAction(e -> ctx.navigator().show("findings"));
            findings.getChildren().add(all);
        }
    }

    /** A finding as one clickable line: severity, score, title; the click opens it in the findings view. */
    private HBox findingRow(Finding f) {
        Label score = new Label(Integer.toString(f.score()));
        score.getStyleClass().add(Styles.SCORE);
        score.setMinWidth(30);
        score.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        Label title = new Label(f.title());
        title.setStyle("-fx-font-weight: bold;");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the summary gives way, not the title
        Label summary = new Label(f.detail());
        summary.getStyleClass().add(Styles.MUTED);
        summary.setMinWidth(0);
        HBox.setHgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        Label badge = SeverityBadge.of(f.severity());
        badge.setMinWidth(80);
        badge.setAlignment(javafx.geometry.Pos.CENTER);
        HBox row = new HBox(10, badge, score, title, summary);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.LINK_ROW);
        row.setId("overview-finding-" + f.id().replaceAll("[^a-zA-Z0-9]+", "-"));
        javafx.scene.control.Tooltip.install(row, new javafx.scene.control.Tooltip("Open in the findings view"));
        row.setOnMouseClicked(e -> ctx.navigator().showFinding(f.id()));
        return row;
    }

    private static GridPane facts(List<String[]> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FACTS);
        grid.setHgap(16);
        grid.setVgap(3);
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add(Styles.FACT_LABEL);
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            GridPane.setValignment(k, javafx.geometry.VPos.TOP);
            Label v = new Label(rows.get(i)[1]);
            v.setWrapText(true);
            grid.addRow(i, k, v);
        }
        return grid;
    }
}
