package io.flightdeck.app.workspace;

import io.flightdeck.app.cpu.CpuView;
import io.flightdeck.app.findings.FindingsView;
import io.flightdeck.app.gc.GcView;
import io.flightdeck.app.heap.HistogramView;
import io.flightdeck.app.io.IoView;
import io.flightdeck.app.locks.LocksView;
import io.flightdeck.app.memory.MemoryView;
import io.flightdeck.app.overview.OverviewView;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.app.theme.ThemeManager;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Everything about one recording (and the GC log and histograms read with it): a bar with the selected time range
 * (a chip that resets it) and the thread filter, above the views the sources have data for (Overview, Findings,
 * CPU, Memory, Locks & threads, GC, I/O & exceptions, Heap histogram), each built when first shown.
 */
public final class RecordingView extends BorderPane implements Navigator {
    private final RecordingViewModel vm;
    private final FxWorkMonitor work;
    private final List<Slot> views;

    /** A view made the first time it is needed: only the shown ones cost anything. */
    private static final class Slot {
        final String key;
        final String title;
        final Class<? extends FeatureView> type;
        final java.util.function.Supplier<FeatureView> factory;
        FeatureView view;

        Slot(String key, String title, Class<? extends FeatureView> type,
                java.util.function.Supplier<FeatureView> factory) {
            this.key = key;
            this.title = title;
            this.type = type;
            this.factory = factory;
        }

        FeatureView get() {
            if (view == null) {
                view = factory.get();
            }
            return view;
        }
    }
    private final TabPane tabs = new TabPane();
    private final TextField threadFilter = new TextField();

    public RecordingView(RecordingViewModel vm, ThemeManager theme, FxWorkMonitor work) {
        this.vm = vm;
        this.work = work;
        ViewContext ctx = new ViewContext(vm, theme, work, this);
        views = slots(vm, ctx);
        for (Slot v : views) {
            Tab tab = new Tab(v.title);
            tab.setId("view-" + v.title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
            tab.setClosable(false);
            tab.setUserData(v);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> show(tab));
        // the first view is built one frame after the tab itself, so neither frame carries both
        javafx.application.Platform.runLater(() -> show(tabs.getSelectionModel().getSelectedItem()));
        setTop(selectionBar());
        setCenter(tabs);
    }

    /**
     * The views the sources have data for: a recording gets them all; a GC log alone, the overview and GC; class
     * histograms, the heap histogram view.
     */
    private static List<Slot> slots(RecordingViewModel vm, ViewContext ctx) {
        boolean recording = vm.hasRecording();
        boolean gc = recording || vm.hasGcData();
        List<Slot> slots = new java.util.ArrayList<>();
        slots.add(new Slot("overview", "Overview", OverviewView.class, () -> new OverviewView(ctx)));
        slots.add(new Slot("findings", "Findings", FindingsView.class, () -> new FindingsView(ctx)));
        if (recording) {
            slots.add(new Slot("cpu", "CPU", CpuView.class, () -> new CpuView(ctx)));
            slots.add(new Slot("memory", "Memory", MemoryView.class, () -> new MemoryView(ctx)));
            slots.add(new Slot("locks", "Locks & threads", LocksView.class, () -> new LocksView(ctx)));
        }
        if (gc) {
            slots.add(new Slot("gc", "GC", GcView.class, () -> new GcView(ctx)));
        }
        if (recording) {
            slots.add(new Slot("io", "I/O & exceptions", IoView.class, () -> new IoView(ctx)));
        }
        if (!vm.histograms().isEmpty()) {
            slots.add(new Slot("heap", "Heap histogram", HistogramView.class, () -> new HistogramView(ctx, vm.tasks())));
        }
        return List.copyOf(slots);
    }

    public RecordingViewModel viewModel() {
        return vm;
    }

    /** The view of a type (tests, keyboard shortcuts). */
    public <T extends FeatureView> T view(Class<T> type) {
        return views.stream().filter(v -> v.type == type).map(v -> type.cast(v.get())).findFirst().orElseThrow();
    }

    public void select(int index) {
        if (index >= 0 && index < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(index);
        }
    }

    public void select(Class<? extends FeatureView> type) {
        for (Tab t : tabs.getTabs()) {
            if (((Slot) t.getUserData()).type == type) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    private Slot slot(String key) {
        return views.stream().filter(v -> v.key.equals(key)).findFirst().orElse(null);
    }

    @Override
    public boolean has(String viewKey) {
        return slot(viewKey) != null;
    }

    @Override
    public String title(String viewKey) {
        Slot s = slot(viewKey);
        return s == null ? viewKey : s.title;
    }

    @Override
    public void show(String viewKey) {
        Slot s = slot(viewKey);
        if (s != null) {
            select(s.type);
        }
    }

    @Override
    public void showFinding(String findingId) {
        view(FindingsView.class).select(findingId);
        select(FindingsView.class);
    }

    public void focusThreadFilter() {
        threadFilter.requestFocus();
    }

    private void show(Tab tab) {
        if (tab != null && tab.getContent() == null) {
            Slot slot = (Slot) tab.getUserData();
            work.time("build the " + slot.title + " view", () -> tab.setContent(slot.get().node()));
        }
    }

    private HBox selectionBar() {
        Label rangeText = new Label();
        Button reset = new Button("✕");
        reset.setId("range-reset");
        reset.setTooltip(new Tooltip("Back to the whole recording (Esc)"));
        reset.setOnAction(e -> vm.resetRange());
        HBox chip = new HBox(4, rangeText, reset);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(Styles.CHIP);
        chip.setId("range-chip");
        Runnable showRange = () -> {
            double[] r = vm.rangeSeconds();
            chip.setVisible(r != null);
            chip.setManaged(r != null);
            if (r != null) {
                rangeText.setText(String.format("Range %.2f s – %.2f s (%s)", r[0], r[1],
                        ViewContext.seconds(r[1] - r[0])));
            }
        };
        vm.rangeProperty().addListener((obs, old, now) -> showRange.run());
        showRange.run();
        Label whole = new Label();
        whole.getStyleClass().add(Styles.MUTED);
        whole.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.rangeSeconds() == null
                ? "Whole recording (" + ViewContext.seconds(vm.durationSeconds()) + ") — drag across a chart to "
                + "select a time range" : "", vm.rangeProperty()));
        threadFilter.setPromptText("Threads (regex)");
        threadFilter.setId("thread-filter");
        threadFilter.setTooltip(new Tooltip("Only threads whose name contains a match of this regular expression "
                + "(Ctrl+T)"));
        threadFilter.setPrefColumnCount(18);
        threadFilter.setOnAction(e -> vm.threadFilterProperty().set(threadFilter.getText()));
        threadFilter.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                vm.threadFilterProperty().set(threadFilter.getText());
            }
        });
        Label filterError = new Label();
        filterError.getStyleClass().add(Styles.SEVERITY_CRITICAL);
        filterError.textProperty().bind(vm.filterErrorProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.computingProperty());
        busy.managedProperty().bind(vm.computingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        boolean threads = vm.hasRecording();
        // a GC log or a histogram alone has no threads to filter
        HBox bar = threads ? new HBox(8, chip, whole, spacer, busy, filterError, new Label("Threads"), threadFilter)
                : new HBox(8, chip, whole, spacer, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }
}
