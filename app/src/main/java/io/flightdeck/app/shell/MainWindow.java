package io.flightdeck.app.shell;

import io.flightdeck.analysis.Version;
import io.flightdeck.app.compare.CompareView;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.app.session.SessionBar;
import io.flightdeck.app.session.SessionViewModel;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.app.telemetry.FxWorkMonitor;
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
import javafx.scene.control.ContextMenu;
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
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window: menus with shortcuts, a tab per open recording and per comparison, the strip of the open
 * session, drag-and-drop of files, a status bar, and an error dialog (one line) when a file cannot be read — after
 * which everything else keeps working.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final ThemeManager theme;
    private final FxWorkMonitor work;
    private final TabPane recordings = new TabPane();
    private final WelcomeView welcome;
    private final VBox top = new VBox();
    private final MenuBar menuBar;

    public MainWindow(MainViewModel vm, ThemeManager theme, TaskRunner tasks, FxWorkMonitor work) {
        this.vm = vm;
        this.theme = theme;
        this.work = work;
        recordings.setId("recordings");
        recordings.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // with no tab open (the first run, after the last tab closes) the window is the welcome screen
        welcome = new WelcomeView(new WelcomeViewModel(vm), WelcomeView.fileDialog(() -> chooser("")));
        StackPane center = new StackPane(recordings, welcome);
        recordings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(recordings.getTabs()));
        // in front of the tabs while asked for (a start without files opens the sample session behind it)
        welcome.visibleProperty().bind(recordings.visibleProperty().not().or(vm.welcomeProperty()));
        menuBar = menus();
        dismissWelcomeOnAnyMenuAction(menuBar.getMenus());
        top.getChildren().add(menuBar);
        setTop(top);
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
        vm.comparisons().addListener((ListChangeListener<CompareViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addCompareTab);
            }
        });
        vm.sessionProperty().addListener((obs, old, now) -> showSession(now));
        vm.setOnError(this::showError);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            vm.welcomeProperty().set(false);
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
        return tab != null && tab.getContent() instanceof RecordingView rv ? rv : null;
    }

    /** The comparison in front, if a comparison's tab is selected. */
    public CompareView currentCompareView() {
        Tab tab = recordings.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof CompareView cv ? cv : null;
    }

    /** The view of a comparison (tests). */
    public CompareView compareView(CompareViewModel comparison) {
        for (Tab t : recordings.getTabs()) {
            if (t.getContent() instanceof CompareView cv && cv.viewModel() == comparison) {
                return cv;
            }
        }
        return null;
    }

    /** Whatever the user picks from a menu (open, compare, a recent file, a view) puts the welcome screen away. */
    private void dismissWelcomeOnAnyMenuAction(List<javafx.scene.control.Menu> menus) {
        for (javafx.scene.control.Menu m : menus) {
            m.getItems().forEach(item -> dismissOn(item));
            m.getItems().addListener((ListChangeListener<javafx.scene.control.MenuItem>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(this::dismissOn);
                }
            });
        }
    }

    private void dismissOn(javafx.scene.control.MenuItem item) {
        if (item instanceof javafx.scene.control.Menu sub) {
            dismissWelcomeOnAnyMenuAction(List.of(sub));
            return;
        }
        item.addEventHandler(javafx.event.ActionEvent.ACTION, e -> vm.welcomeProperty().set(false));
    }

    /** The welcome screen (shown while no tab is open). */
    public WelcomeView welcome() {
        return welcome;
    }

    /** The session strip, when a session is open. */
    public SessionBar sessionBar() {
        return top.getChildren().size() > 1 && top.getChildren().get(1) instanceof SessionBar b ? b : null;
    }

    private void showSession(SessionViewModel session) {
        top.getChildren().setAll(menuBar);
        if (session != null) {
            top.getChildren().add(new SessionBar(session, this::saveSession));
        }
    }

    private void addCompareTab(CompareViewModel comparison) {
        Tab tab = new Tab();
        CompareView[] view = new CompareView[1];
        view[0] = work.time("open a comparison", () -> new CompareView(comparison, vm.recordings(), theme,
                (files, then) -> vm.open(files, r -> {
                    then.accept(r);
                    recordings.getSelectionModel().select(tab);
                })));
        tab.setContent(view[0]);
        tab.textProperty().bind(comparison.titleProperty());
        tab.setId("compare-tab");
        tab.getStyleClass().add("fd-compare-tab");
        tab.setOnClosed(e -> vm.closeComparison(comparison));
        recordings.getTabs().add(tab);
        recordings.getSelectionModel().select(tab);
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
                tab.setContextMenu(tabMenu(now));
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
        tab.setContextMenu(tabMenu(recording));
        recordings.getTabs().add(tab);
        recordings.getSelectionModel().select(tab);
    }

    /** Right-click on a recording's tab: compare it with another, start a session from it. */
    private ContextMenu tabMenu(RecordingViewModel recording) {
        Menu compareWith = new Menu("Compare with");
        MenuItem newSession = new MenuItem("New Session from This Recording");
        newSession.setOnAction(e -> vm.newSession(recording));
        MenuItem asCandidate = new MenuItem("Set as Session Candidate");
        asCandidate.setOnAction(e -> vm.setCandidate(recording));
        ContextMenu menu = new ContextMenu(compareWith, new SeparatorMenuItem(), newSession, asCandidate);
        menu.setOnShowing(e -> {
            fillCompareWith(compareWith, recording);
            SessionViewModel s = vm.session();
            asCandidate.setDisable(s == null || s.baselineProperty().get() == recording);
        });
        return menu;
    }

    private void fillCompareWith(Menu menu, RecordingViewModel baseline) {
        menu.getItems().clear();
        for (RecordingViewModel other : vm.recordings()) {
            if (other != baseline) {
                MenuItem item = new MenuItem(other.label());
                item.setOnAction(e -> vm.compare(baseline, other));
                menu.getItems().add(item);
            }
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(open another recording first)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
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
        MenuItem sample = new MenuItem("Open Sample Session");
        sample.setId("menu-open-sample");
        sample.setOnAction(e -> vm.openSampleSession());
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
        MenuItem close = new MenuItem("Close Tab");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> {
            Tab tab = recordings.getSelectionModel().getSelectedItem();
            if (tab != null) {
                recordings.getTabs().remove(tab);
                if (tab.getContent() instanceof RecordingView rv) {
                    vm.close(rv.viewModel());
                } else if (tab.getContent() instanceof CompareView cv) {
                    vm.closeComparison(cv.viewModel());
                }
            }
        });
        MenuItem newSession = new MenuItem("New Session from This Recording");
        newSession.setId("menu-new-session");
        newSession.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        newSession.setOnAction(e -> current(v -> vm.newSession(v.viewModel())));
        Menu setCandidate = new Menu("Set Candidate");
        setCandidate.setId("menu-set-candidate");
        MenuItem openSession = new MenuItem("Open Session…");
        openSession.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.ALT_DOWN));
        openSession.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a Flightdeck session");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Flightdeck sessions",
                    "*" + Session.EXTENSION), new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openSession(f.toPath());
            }
        });
        MenuItem save = new MenuItem("Save Session");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> saveSession());
        MenuItem saveAs = new MenuItem("Save Session As…");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> saveSessionAs());
        MenuItem closeSession = new MenuItem("Close Session");
        closeSession.setOnAction(e -> vm.closeSession());
        MenuItem export = new MenuItem("Export Report…");
        export.setId("menu-export");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> exportReport());
        Runnable sessionMenus = () -> {
            SessionViewModel s = vm.session();
            newSession.setDisable(currentView() == null);
            save.setDisable(s == null);
            saveAs.setDisable(s == null);
            closeSession.setDisable(s == null);
            setCandidate.getItems().clear();
            if (s != null) {
                for (RecordingViewModel r : vm.recordings()) {
                    if (r != s.baselineProperty().get()) {
                        MenuItem item = new MenuItem(r.label());
                        item.setOnAction(ev -> vm.setCandidate(r));
                        setCandidate.getItems().add(item);
                    }
                }
            }
            setCandidate.setDisable(setCandidate.getItems().isEmpty());
            export.setDisable(currentView() == null && currentCompareView() == null);
        };
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            Window w = getScene().getWindow();
            if (mayClose(w::hide)) {
                w.hide();
            }
        });
        Menu file = new Menu("File", null, open, recent, sample, add, close, new SeparatorMenuItem(), newSession,
                setCandidate, openSession, save, saveAs, closeSession, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> sessionMenus.run());
        // accelerators work with the menu closed: keep their enabled state current
        recordings.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> sessionMenus.run());
        vm.sessionProperty().addListener((obs, old, now) -> sessionMenus.run());
        vm.recordings().addListener((ListChangeListener<RecordingViewModel>) c -> sessionMenus.run());
        sessionMenus.run();

        MenuItem compare = new MenuItem("Compare…");
        compare.setId("menu-compare");
        compare.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        compare.setOnAction(e -> compareCurrent());
        Menu compareWith = new Menu("Compare This Recording With");
        Menu analysis = new Menu("Analysis", null, compare, compareWith);
        analysis.setOnShowing(e -> {
            RecordingView v = currentView();
            compareWith.setDisable(v == null);
            if (v != null) {
                fillCompareWith(compareWith, v.viewModel());
            }
        });

        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setSelected(theme.isDark());
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setOnAction(e -> theme.setDark(dark.isSelected()));
        MenuItem resetRange = new MenuItem("Whole Recording");
        resetRange.setOnAction(e -> current(v -> v.viewModel().resetRange()));
        Menu view = new Menu("View", null, dark, resetRange);

        MenuItem about = new MenuItem("About Flightdeck");
        about.setId("menu-about");
        about.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "A performance workbench for the JVM.\n\n"
                    + "Running on Java " + System.getProperty("java.runtime.version") + " ("
                    + System.getProperty("java.vendor") + "), JavaFX " + System.getProperty("javafx.runtime.version")
                    + "\n\nShortcuts: Ctrl+O open, Ctrl+Shift+O add a file to this analysis, Ctrl+W close, Ctrl+1…8 views, Ctrl+T threads, Esc whole recording, "
                    + "Ctrl+Shift+C compare, Ctrl+Shift+N new session, Ctrl+Alt+O open session, Ctrl+S / Ctrl+Shift+S save session, "
                    + "Ctrl+E export report, Ctrl+Shift+D dark theme.");
            a.setTitle("About Flightdeck");
            a.setHeaderText("Flightdeck " + Version.get());
            javafx.scene.image.Image icon = AppIcon.of(64);
            if (icon != null) {
                a.setGraphic(new javafx.scene.image.ImageView(icon));
            }
            a.getDialogPane().setId("about-dialog");
            a.initOwner(getScene().getWindow());
            a.show();
        });
        return new MenuBar(file, view, analysis, new Menu("Help", null, about));
    }

    /**
     * Analysis ▸ Compare…: a comparison of the recording in front (the baseline) with the most recently opened
     * other one; the view lets the user change either side.
     */
    public CompareViewModel compareCurrent() {
        RecordingView v = currentView();
        RecordingViewModel base = v != null ? v.viewModel() : vm.recordings().isEmpty() ? null
                : vm.recordings().getFirst();
        RecordingViewModel cand = null;
        for (RecordingViewModel r : vm.recordings()) {
            if (r != base) {
                cand = r;
            }
        }
        return vm.compare(base, cand);
    }

    /**
     * Whether the window may close now: asks first when the session has unsaved changes (Save, Don't Save,
     * Cancel). After a save that runs in the background, {@code close} closes the window.
     */
    public boolean mayClose(Runnable close) {
        SessionViewModel s = vm.session();
        if (s == null || !s.isDirty()) {
            return true;
        }
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save",
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Don't Save",
                javafx.scene.control.ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The session has changes that are not saved.", save,
                discard, javafx.scene.control.ButtonType.CANCEL);
        ask.setHeaderText("Save the session " + s.session().name() + "?");
        ask.setTitle("Flightdeck");
        ask.initOwner(getScene().getWindow());
        javafx.scene.control.ButtonType answer = ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        if (answer == discard) {
            return true;
        }
        if (answer == save) {
            Path target = s.saveTarget() != null ? s.saveTarget() : chooseSessionFile(s);
            if (target != null) {
                vm.saveSession(target, close);
            }
        }
        return false;
    }

    private void saveSession() {
        SessionViewModel s = vm.session();
        if (s == null) {
            return;
        }
        if (s.saveTarget() == null) {
            saveSessionAs();
        } else {
            vm.saveSession(s.saveTarget(), () -> { });
        }
    }

    private void saveSessionAs() {
        SessionViewModel s = vm.session();
        if (s == null) {
            return;
        }
        Path target = chooseSessionFile(s);
        if (target != null) {
            vm.saveSession(target, () -> { });
        }
    }

    private Path chooseSessionFile(SessionViewModel s) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Flightdeck sessions",
                "*" + Session.EXTENSION));
        String name = s.session().name() == null ? "session" : s.session().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        chooser.setInitialFileName(name + Session.EXTENSION);
        if (s.saveTarget() != null && s.saveTarget().getParent() != null) {
            chooser.setInitialDirectory(s.saveTarget().getParent().toFile());
        }
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return null;
        }
        return f.getName().endsWith(Session.EXTENSION) ? f.toPath()
                : f.toPath().resolveSibling(f.getName() + Session.EXTENSION);
    }

    private void exportReport() {
        Object what = currentCompareView() != null ? currentCompareView().viewModel()
                : currentView() != null ? currentView().viewModel() : null;
        if (what == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report of " + (what instanceof CompareViewModel c ? c.titleProperty().get()
                : ((RecordingViewModel) what).label()));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Markdown", "*.md"),
                new FileChooser.ExtensionFilter("HTML", "*.html"), new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("Plain text", "*.txt"));
        chooser.setInitialFileName("flightdeck-report.md");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            Path target = f.toPath();
            if (!f.getName().contains(".") && chooser.getSelectedExtensionFilter() != null) {
                target = target.resolveSibling(f.getName()
                        + chooser.getSelectedExtensionFilter().getExtensions().getFirst().substring(1));
            }
            vm.exportReport(what, target);
        }
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
