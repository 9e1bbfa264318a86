package io.flightdeck.app.shell;

import io.flightdeck.app.task.TaskHandle;
import io.flightdeck.app.theme.Styles;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The status line and, while tasks run, their progress with a cancel button each (nothing animates when idle). */
public final class StatusBar extends HBox {
    private final Label message = new Label();
    private final HBox tasks = new HBox(8);

    public StatusBar(MainViewModel vm, ObservableList<TaskHandle> running) {
        message.textProperty().bind(vm.statusProperty());
        message.setId("status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        tasks.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(message, tasks);
        getStyleClass().add(Styles.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        if (running != null) {
            running.addListener((ListChangeListener<TaskHandle>) c -> show(running));
        }
    }

    private void show(ObservableList<TaskHandle> running) {
        tasks.getChildren().clear();
        for (TaskHandle t : running) {
            if (!t.title().startsWith("Opening")) {
                continue; // re-analyses of a selection are quick; the range bar shows them
            }
            Label title = new Label();
            title.textProperty().bind(t.messageProperty());
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(t.progressProperty());
            bar.setPrefWidth(160);
            Button cancel = new Button("Cancel");
            cancel.setOnAction(e -> t.cancel());
            tasks.getChildren().addAll(title, bar, cancel);
        }
    }
}
