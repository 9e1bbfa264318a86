package io.flightdeck.app.shell;

import io.flightdeck.app.Version;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.samples.BundledSamples;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the desktop app: builds the services and the main window, then opens the files given
 * on the command line, or the bundled sample recording when there are none.
 */
public final class FlightdeckApplication extends Application {

    public static void launchWith(String[] args) {
        Application.launch(FlightdeckApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userNodeForPackage(FlightdeckApplication.class);
        ThemeManager theme = new ThemeManager(prefs);
        FxTaskRunner tasks = new FxTaskRunner();
        MainViewModel vm = new MainViewModel(tasks, ProfileLoader.withDefaults(), prefs);
        MainWindow window = new MainWindow(vm, theme, tasks);
        Scene scene = new Scene(window, 1280, 860);
        theme.register(scene);
        window.installShortcuts(scene);
        stage.setTitle("Flightdeck " + Version.get());
        stage.setScene(scene);
        stage.setOnHidden(e -> Platform.exit());
        stage.show();
        List<String> files = getParameters().getRaw();
        if (files.isEmpty()) {
            vm.open(BundledSamples.extract(BundledSamples.DEFAULT));
        } else {
            vm.open(files.stream().map(Path::of).toList());
        }
    }
}
