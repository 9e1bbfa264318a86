package io.flightdeck.app.workspace;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.app.telemetry.RenderEvent;

import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/** What every view of a recording gets: its ViewModel, the theme, and helpers for the common wiring. */
public record ViewContext(RecordingViewModel vm, ThemeManager theme) {

    public Palette palette() {
        return theme.palette();
    }

    /** Builds a time chart bound to the recording's range selection (both ways) and to theme changes. */
    public TimeChart timeChart(Consumer<TimeChart> panels) {
        TimeChart chart = new TimeChart(vm.durationSeconds(), palette());
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

    /** Runs {@code update} with each new snapshot (and the current one), timed as a render event. */
    public void onSnapshot(String view, Consumer<RecordingViewModel.Snapshot> update) {
        Consumer<RecordingViewModel.Snapshot> timed = s -> {
            if (s == null) {
                return;
            }
            RenderEvent event = new RenderEvent();
            event.begin();
            update.accept(s);
            event.view = view;
            event.commit();
        };
        vm.snapshotProperty().addListener((obs, old, now) -> timed.accept(now));
        timed.accept(vm.snapshot());
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
