package io.flightdeck.app.shell;

import io.flightdeck.app.Version;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.app.workspace.RecordingViewModel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window: menus with shortcuts, a tab per open recording, drag-and-drop of files, a status bar, and an
 * error dialog (one line) when a file cannot be read — after which everything else keeps working.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final ThemeManager theme;
    private final FxWorkMonitor work;
    private final TabPane recordings = new TabPane();
    private final Label placeholder = new Label("Drop .jfr files here, or File ▸ Open… (Ctrl+O)");

    public MainWindow(MainViewModel vm, ThemeManager theme, TaskRunner tasks, FxWorkMonitor work) {
        this.vm = vm;
        this.theme = theme;
        this.work = work;
        recordings.setId("recordings");
        recordings.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        placeholder.getStyleClass().add(Styles.EMPTY);
        StackPane center = new StackPane(placeholder, recordings);
        recordings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(recordings.getTabs()));
        placeholder.visibleProperty().bind(recordings.visibleProperty().not());
        setTop(menus());
        setCenter(center);
        setBottom(new StatusBar(vm, tasks instanceof FxTaskRunner fx ? fx.running() : null));
        vm.recordings().addListener((ListChangeListener<RecordingViewModel>) c -> {
            while (c.next()) {
                if (c.wasReplaced() && c.getAddedSize() == 1 && c.getRemovedSize() == 1) {
                    replaceTab(c.getRemoved().getFirst(), c.getAddedSubList().getFirst());
                    continue;
                }
                for (RecordingViewModel added : c.getAddedSubList()) {
                    addTab(added);
                }
            }
        });
        vm.setOnError(this::showError);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                RecordingView current = currentView();
                vm.drop(e.getDragboard().getFiles().stream().map(File::toPath).toList(),
                        current == null ? null : current.viewModel());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Shortcuts that are not on a menu. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> current(v -> v.viewModel().resetRange()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> current(RecordingView::focusThreadFilter));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
                KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> current(v -> v.select(index)));
        }
    }

    /** The view of the selected recording, if any. */
    public RecordingView currentView() {
        Tab tab = recordings.getSelectionModel().getSelectedItem();
        return tab == null ? null : (RecordingView) tab.getContent();
    }

    public TabPane recordingTabs() {
        return recordings;
    }

    private void current(java.util.function.Consumer<RecordingView> action) {
        RecordingView v = currentView();
        if (v != null) {
            action.accept(v);
        }
    }

    /** A file was added to an open analysis: its tab shows the new analysis in the same place. */
    private void replaceTab(RecordingViewModel old, RecordingViewModel now) {
        for (Tab tab : recordings.getTabs()) {
            if (tab.getContent() instanceof RecordingView rv && rv.viewModel() == old) {
                tab.setContent(work.time("open the tab of " + now.label(), () -> new RecordingView(now, theme, work)));
                tab.setText(now.label());
                tab.setTooltip(new javafx.scene.control.Tooltip(tooltip(now)));
                tab.setOnClosed(e -> vm.close(now));
                recordings.getSelectionModel().select(tab);
                return;
            }
        }
        addTab(now);
    }

    private static String tooltip(RecordingViewModel recording) {
        return String.join("\n", recording.files().stream().map(Path::toString).toList());
    }

    private void addTab(RecordingViewModel recording) {
        RecordingView rv = work.time("open the tab of " + recording.label(), () -> new RecordingView(recording, theme, work));
        Tab tab = new Tab(recording.label(), rv);
        tab.setTooltip(new javafx.scene.control.Tooltip(tooltip(recording)));
        tab.setOnClosed(e -> vm.close(recording));
        recordings.getTabs().add(tab);
        recordings.getSelectionModel().select(tab);
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFiles());
        Menu recent = new Menu("Open Recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recent()) {
                MenuItem item = new MenuItem(p.toString());
                item.setOnAction(e -> vm.open(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recent().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem add = new MenuItem("Add to This Analysis…");
        add.setId("menu-add");
        add.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        add.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(recordings.getTabs()));
        add.setOnAction(e -> current(v -> {
            List<File> files = chooser("Add a GC log or histograms to " + v.viewModel().label())
                    .showOpenMultipleDialog(getScene().getWindow());
            if (files != null) {
                vm.addTo(v.viewModel(), files.stream().map(File::toPath).toList());
            }
        }));
        MenuItem close = new MenuItem("Close Recording");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> {
            Tab tab = recordings.getSelectionModel().getSelectedItem();
            if (tab != null) {
                recordings.getTabs().remove(tab);
                vm.close(((RecordingView) tab.getContent()).viewModel());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            Window w = getScene().getWindow();
            w.hide();
        });
        Menu file = new Menu("File", null, open, recent, add, close, new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setSelected(theme.isDark());
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setOnAction(e -> theme.setDark(dark.isSelected()));
        MenuItem resetRange = new MenuItem("Whole Recording");
        resetRange.setOnAction(e -> current(v -> v.viewModel().resetRange()));
        Menu view = new Menu("View", null, dark, resetRange);

        MenuItem about = new MenuItem("About Flightdeck");
        about.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "A performance workbench for the JVM.\n"
                    + "Shortcuts: Ctrl+O open, Ctrl+Shift+O add a file to this analysis, Ctrl+W close, Ctrl+1…8 views, Ctrl+T threads, Esc whole recording, "
                    + "Ctrl+Shift+D dark theme.");
            a.setHeaderText("Flightdeck " + Version.get());
            a.initOwner(getScene().getWindow());
            a.show();
        });
        return new MenuBar(file, view, new Menu("Help", null, about));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("JFR recordings", "*.jfr", "*.jfr.gz"),
                new FileChooser.ExtensionFilter("GC logs", "*.log", "*.log.*", "*.txt", "*.gz"),
                new FileChooser.ExtensionFilter("Class histograms", "*.histo", "*.txt", "*.histo.txt"));
        return chooser;
    }

    private void chooseFiles() {
        List<File> files = chooser("Open recordings, GC logs, class histograms (several files of one run open "
                + "together)").showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            vm.open(files.stream().map(File::toPath).toList());
        }
    }

    private void showError(Path file, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Could not open " + file.getFileName());
        alert.setTitle("Flightdeck");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }
}
