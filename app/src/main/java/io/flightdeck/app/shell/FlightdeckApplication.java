package io.flightdeck.app.shell;

import io.flightdeck.analysis.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: builds the {@link Workbench}, then opens the files given on the command line (recordings, GC
 * logs, histograms, sessions); with none, the bundled sample session (a lock-contention fix: its baseline and
 * candidate recordings and their comparison) opens behind the welcome screen, which is in front until the user acts.
 */
public final class FlightdeckApplication extends Application {

    public static void launchWith(String[] args) {
        Application.launch(FlightdeckApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        Workbench workbench = new Workbench(Preferences.userNodeForPackage(FlightdeckApplication.class));
        stage.setTitle("Flightdeck " + Version.get());
        stage.setOnHidden(e -> Platform.exit());
        workbench.show(stage, 1280, 860);
        List<String> files = getParameters().getRaw();
        workbench.openStartup(files.stream().map(Path::of).toList());
    }
}
