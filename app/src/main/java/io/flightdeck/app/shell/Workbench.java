package io.flightdeck.app.shell;

import io.flightdeck.app.chart.ChartWarmup;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.ingest.ProfileLoader;

import java.util.prefs.Preferences;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the desktop app (constructor injection, no singletons): theme, background tasks, the
 * main ViewModel and window. The application and the UI tests build the window the same way.
 */
public final class Workbench {
    private final ThemeManager theme;
    private final FxWorkMonitor work = new FxWorkMonitor();
    private final FxTaskRunner tasks = new FxTaskRunner(work);
    private final MainViewModel viewModel;
    private final MainWindow window;

    /** @param prefs where theme and recent files persist; null keeps them in memory (tests) */
    public Workbench(Preferences prefs) {
        ChartWarmup.start();
        theme = new ThemeManager(prefs);
        viewModel = new MainViewModel(tasks, ProfileLoader.withDefaults(), prefs);
        window = new MainWindow(viewModel, theme, tasks, work);
    }

    public void show(Stage stage, double width, double height) {
        Scene scene = new Scene(window, width, height);
        work.watchLayout(scene);
        theme.register(scene);
        window.installShortcuts(scene);
        stage.setOnCloseRequest(e -> {
            if (!window.mayClose(stage::hide)) {
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcon.sizes());
        stage.show();
    }

    /**
     * Opens what the app was started with: the files (recordings, GC logs, histograms, sessions). With none, the
     * window shows the welcome screen (open, compare, the sample session, recent files and sessions).
     */
    public void openStartup(java.util.List<java.nio.file.Path> files) {
        if (!files.isEmpty()) {
            viewModel.open(files);
        } else {
            // the contract of ./flightdeck with no file: the bundled sample session is open, and the welcome screen
            // is in front of it on the way in
            viewModel.startWithoutFiles();
        }
    }

    public ThemeManager theme() {
        return theme;
    }

    /** How long the FX thread spends on each piece of work (for the stall benchmark). */
    public FxWorkMonitor work() {
        return work;
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainWindow window() {
        return window;
    }
}
