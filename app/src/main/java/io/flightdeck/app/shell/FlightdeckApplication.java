package io.flightdeck.app.shell;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.ReportBuilder;
import io.flightdeck.app.Version;
import io.flightdeck.app.export.AnalysisDocument;
import io.flightdeck.app.export.Renderers;
import io.flightdeck.app.export.ReportFormat;
import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.samples.BundledSamples;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The desktop window. For now it imports the given recording (or the bundled sample) in the background, with
 * progress and cancel, and shows the same report the CLI prints.
 */
public final class FlightdeckApplication extends Application {
    private final CancellationToken cancel = new CancellationToken();

    public static void launchWith(String[] args) {
        Application.launch(FlightdeckApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> raw = getParameters().getRaw();
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setFont(Font.font("Monospaced", 12));
        ProgressBar progress = new ProgressBar(0);
        Label status = new Label("Opening…");
        Button cancelButton = new Button("Cancel");
        cancelButton.setOnAction(e -> cancel.cancel());
        HBox bar = new HBox(8, progress, status, cancelButton);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(report);
        root.setBottom(bar);
        stage.setTitle("Flightdeck " + Version.get());
        stage.setScene(new Scene(root, 1100, 760));
        stage.show();

        Task<String> load = new Task<>() {
            @Override
            protected String call() throws Exception {
                Path file = raw.isEmpty() ? BundledSamples.extract(BundledSamples.DEFAULT) : Path.of(raw.getFirst());
                updateMessage("Reading " + file.getFileName());
                Profile profile = ProfileLoader.withDefaults().load(file, (done, stage) -> {
                    updateProgress(done, 1);
                    updateMessage(stage);
                }, cancel);
                AnalysisReport r = new ReportBuilder(Version.get()).build(Selection.all(profile), List.of());
                return Renderers.render(AnalysisDocument.of(r), ReportFormat.TEXT);
            }
        };
        progress.progressProperty().bind(load.progressProperty());
        status.textProperty().bind(load.messageProperty());
        load.setOnSucceeded(e -> {
            report.setText(load.getValue());
            status.textProperty().unbind();
            status.setText("Ready");
            bar.getChildren().removeAll(progress, cancelButton);
        });
        load.setOnFailed(e -> {
            status.textProperty().unbind();
            Throwable t = load.getException();
            String message = t instanceof ImportException ? t.getMessage() : "unexpected error: " + t;
            status.setText(message);
            bar.getChildren().removeAll(progress, cancelButton);
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText("The file could not be opened");
            alert.show();
        });
        Thread worker = new Thread(load, "flightdeck-open");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        cancel.cancel();
        Platform.exit();
    }
}
