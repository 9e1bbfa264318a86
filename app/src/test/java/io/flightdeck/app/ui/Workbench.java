package io.flightdeck.app.ui;

import io.flightdeck.app.shell.MainViewModel;
import io.flightdeck.app.shell.MainWindow;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window with real background tasks, for TestFX tests (headless on Monocle). */
final class Workbench {
    private final io.flightdeck.app.shell.Workbench wiring = new io.flightdeck.app.shell.Workbench(null);
    final ThemeManager theme = wiring.theme();
    final FxTaskRunner tasks = wiring.tasks();
    final MainViewModel vm = wiring.viewModel();
    final MainWindow window = wiring.window();

    io.flightdeck.app.shell.Workbench wiring() {
        return wiring;
    }

    void show(Stage stage) {
        wiring.show(stage, 1280, 900);
    }

    /** Opens a sample recording and waits until its first analysis is shown. */
    RecordingView open(FxRobot robot, String sample) throws TimeoutException {
        return open(robot, TestFiles.sample(sample));
    }

    RecordingView open(FxRobot robot, Path file) throws TimeoutException {
        int before = window.recordingTabs().getTabs().size();
        robot.interact(() -> vm.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.recordingTabs().getTabs().size() > before
                && window.currentView() != null && window.currentView().viewModel().snapshot() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.currentView();
    }

    /** Waits until a condition about the UI holds (background analyses are asynchronous). */
    static void until(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
