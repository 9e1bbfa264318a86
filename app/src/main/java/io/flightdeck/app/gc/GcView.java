package io.flightdeck.app.gc;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.gc.PauseDistribution;
import io.flightdeck.analysis.gc.PhaseSummary;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.app.chart.CategoryBars;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.widgets.Tile;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** GC pauses over time, their distribution and percentiles, causes and phases. */
public final class GcView implements FeatureView {
    private final ViewContext ctx;
    private Node node;
    private final Tile count = new Tile("Pauses", "Stop-the-world pauses that started in the selection "
            + "(jdk.GCPhasePause, or one per collection from its sumOfPauses), with the full-GC count.");
    private final Tile total = new Tile("Total pause", "Sum of the pauses in the selection; throughput is "
            + "100 × (1 − pause time / selected time).");
    private final Tile p50 = new Tile("p50", "Median pause (linear interpolation between the closest ranks).");
    private final Tile p95 = new Tile("p95", "95th percentile of the pauses.");
    private final Tile p99 = new Tile("p99", "99th percentile of the pauses.");
    private final Tile max = new Tile("Max", "The longest pause.");
    private final Tile cycles = new Tile("Concurrent cycles", "Collections with concurrent work (G1 marking, ZGC, "
            + "Shenandoah and CMS cycles): their count, and the longest.");
    private final Tile safepoints = new Tile("Safepoints", "Time the application was stopped at safepoints, for GC "
            + "or any other VM operation (from a GC log with -Xlog:safepoint or -XX:+PrintGCApplicationStoppedTime).");
    private final Tile promotion = new Tile("Promotion", "Bytes promoted from the young to the old generation per "
            + "second (from a GC log that prints generation sizes).");
    private Tables.Searchable<AnalysisReport.CauseRow> causes;

    public GcView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "GC";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    public Tile p99Tile() {
        node();
        return p99;
    }

    private final javafx.scene.control.Label source = new javafx.scene.control.Label();

    private Node build() {
        source.getStyleClass().add(io.flightdeck.app.theme.Styles.MUTED);
        StackPane chart = new StackPane();
        chart.setPrefHeight(380);
        chart.setMinHeight(300);
        ctx.chartWhenReady(chart, series -> {
            TimeChart c = ctx.timeChart(t -> t
                    .panel("GC pauses", "ms", TimeChart.Style.BARS, series.pauses(), List.of(),
                            v -> Format.seconds(v / 1000), 3)
                    .panel("Heap", "MiB", TimeChart.Style.POINTS, series.heap(), series.maxHeap(),
                            v -> Format.bytes(v * 1048576), 3));
            c.setId("gc-chart");
            return c;
        });
        causes = new Tables.Searchable<>("Search causes", AnalysisReport.CauseRow::cause,
                Tables.text("Cause", AnalysisReport.CauseRow::cause, "Why the collection ran, as the JVM reports it."),
                Tables.number("Pauses", AnalysisReport.CauseRow::count, v -> Format.count((long) v), "Pauses."),
                Tables.number("Total", AnalysisReport.CauseRow::totalSeconds, Format::seconds, "Their summed time."),
                Tables.number("Longest", AnalysisReport.CauseRow::maxSeconds, Format::seconds, "The longest."));
        causes.setPrefHeight(180);
        Tables.Searchable<PhaseSummary> phases = new Tables.Searchable<>("Search phases", PhaseSummary::name,
                Tables.text("Phase", x -> x.name() + (x.concurrent() ? " (concurrent)" : ""),
                        "A phase inside pauses (jdk.GCPhasePauseLevel1) or a concurrent phase (jdk.GCPhaseConcurrent)."),
                Tables.number("Count", PhaseSummary::count, v -> Format.count((long) v), "Times the phase ran."),
                Tables.number("Total", x -> x.total().toNanos() / 1e9, Format::seconds, "Summed duration."),
                Tables.number("Average", x -> x.average().toNanos() / 1e9, Format::seconds, "Mean duration."),
                Tables.number("Longest", x -> x.max().toNanos() / 1e9, Format::seconds, "Longest run."));
        phases.setPrefHeight(220);
        StackPane distribution = new StackPane();
        distribution.setPrefHeight(260);
        ctx.onSnapshot(title(), s -> {
            AnalysisReport.Gc gc = s.report().gc();
            count.set(Format.count(gc.pauseCount()), gc.fullPauseCount() + " full");
            total.set(Format.seconds(gc.pauseTotalSeconds()), "throughput " + Format.throughput(gc.throughputPercent()));
            p50.set(Format.seconds(gc.pausePercentilesSeconds().p50()), "");
            p95.set(Format.seconds(gc.pausePercentilesSeconds().p95()), "");
            p99.set(Format.seconds(gc.pausePercentilesSeconds().p99()), "");
            max.set(Format.seconds(gc.pauseMaxSeconds()), "mean " + Format.seconds(gc.pauseAvgSeconds()));
            cycles.set(gc.concurrentCycleCount() == 0 ? Format.MISSING : Format.count(gc.concurrentCycleCount()),
                    gc.concurrentCycleCount() == 0 ? "" : "longest " + Format.seconds(gc.concurrentCycleMaxSeconds()));
            safepoints.set(gc.safepointCount() == 0 ? Format.MISSING : Format.seconds(gc.safepointTotalSeconds()),
                    gc.safepointCount() == 0 ? "not logged" : Format.count(gc.safepointCount()) + " stops, longest "
                            + Format.seconds(gc.safepointMaxSeconds()));
            promotion.set(gc.promotionRateBytesPerSecond() == null ? Format.MISSING
                    : Format.bytesPerSecond(gc.promotionRateBytesPerSecond()), "");
            source.setText("gc-log".equals(gc.source()) ? "Pauses from the GC log."
                    : ctx.vm().sourceCount() > 1 ? "Pauses from the recording; the GC log adds safepoints "
                    + "and concurrent phases where the recording has none." : "");
            causes.setRows(gc.causes());
            phases.setRows(s.phases());
            List<PauseDistribution.Band> bands = s.pauseDistribution().bands();
            distribution.getChildren().setAll(new CategoryBars("Pause durations", "pauses",
                    bands.stream().map(PauseDistribution.Band::label).toList(),
                    bands.stream().map(PauseDistribution.Band::count).toList(), Palette::pause, ctx.palette()));
        });
        ctx.theme().addListener(pal -> distribution.getChildren().forEach(n -> ((CategoryBars) n).restyle(pal)));
        VBox root = new VBox(8, new FlowPane(8, 8, count, total, p50, p95, p99, max, cycles, safepoints, promotion),
                source, chart,
                ViewContext.title("Pause-duration distribution"), distribution, ViewContext.title("Causes"), causes,
                ViewContext.title("Phases"), phases);
        root.setPadding(new Insets(10));
        return ViewContext.scroll(root);
    }
}
