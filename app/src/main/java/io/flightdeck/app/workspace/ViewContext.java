package io.flightdeck.app.workspace;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.app.telemetry.RenderEvent;

import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/**
 * What every view of a recording gets: its ViewModel, the theme, the way to the other views, and helpers for the
 * common wiring.
 */
public record ViewContext(RecordingViewModel vm, ThemeManager theme, FxWorkMonitor work, Navigator navigator) {

    /** Spans longer than this get a time axis in clock time instead of seconds. */
    static final double CLOCK_AXIS_SECONDS = 2 * 3600;

    public Palette palette() {
        return theme.palette();
    }

    /** Builds a time chart bound to the recording's range selection (both ways) and to theme changes. */
    public TimeChart timeChart(Consumer<TimeChart> panels) {
        TimeChart chart = new TimeChart(vm.durationSeconds(), palette());
        if (vm.durationSeconds() > CLOCK_AXIS_SECONDS) {
            chart.clockAxis(vm.start()); // hours or days of a GC log: clock time says more
        }
        panels.accept(chart);
        chart.build();
        chart.setOnSelection(vm::selectSeconds);
        Runnable show = () -> {
            double[] r = vm.rangeSeconds();
            chart.showSelection(r == null ? Double.NaN : r[0], r == null ? Double.NaN : r[1]);
        };
        vm.rangeProperty().addListener((obs, old, now) -> show.run());
        show.run();
        theme.addListener(chart::restyle);
        return chart;
    }

    /**
     * Puts a chart into {@code host} once the recording's chart series are ready (they are computed in the
     * background), so building a view never waits for them on the FX thread.
     */
    public void chartWhenReady(javafx.scene.layout.StackPane host, java.util.function.Function<ChartData.Series, Node> chart) {
        Consumer<ChartData.Series> fill = series -> {
            if (series != null && host.getChildren().isEmpty()) {
                // one pulse later: the view is shown first, the chart drawn in the next frame
                javafx.application.Platform.runLater(() -> work.time("build a chart",
                        () -> host.getChildren().setAll(chart.apply(series))));
            }
        };
        vm.chartsProperty().addListener((obs, old, now) -> fill.accept(now));
        fill.accept(vm.chartsProperty().get());
    }

    /** Runs {@code update} with each new snapshot (and the current one), timed as a render event. */
    public void onSnapshot(String view, Consumer<RecordingViewModel.Snapshot> update) {
        Consumer<RecordingViewModel.Snapshot> timed = s -> {
            if (s == null) {
                return;
            }
            RenderEvent event = new RenderEvent();
            event.begin();
            work.time("show the numbers of " + view, () -> update.accept(s));
            event.view = view;
            event.commit();
        };
        vm.snapshotProperty().addListener((obs, old, now) -> timed.accept(now));
        // a new view is styled and laid out empty first; its rows and numbers arrive a frame later
        javafx.application.Platform.runLater(() -> timed.accept(vm.snapshot()));
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    public static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    public static String seconds(double s) {
        return Format.seconds(s);
    }
}
