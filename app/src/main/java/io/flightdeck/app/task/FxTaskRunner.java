package io.flightdeck.app.task;

import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.ingest.CancellationToken;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Runs work as {@link javafx.concurrent.Task}s on a small pool of daemon threads. Progress updates are coalesced
 * by JavaFX (one FX update per pulse at most); the running tasks are listed for the status bar.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "flightdeck-task-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final FxWorkMonitor fxWork;

    /** @param fxWork times the hand-over of each result on the FX thread */
    public FxTaskRunner(FxWorkMonitor fxWork) {
        this.fxWork = fxWork;
    }

    /** Tasks that are running now (FX thread only). */
    public ObservableList<TaskHandle> running() {
        return running;
    }

    @Override
    public <T> TaskHandle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.call((done, stage) -> {
                    updateProgress(done, 1);
                    updateMessage(stage);
                }, token);
            }
        };
        Handle handle = new Handle(title, task, token);
        task.setOnSucceeded(e -> {
            running.remove(handle);
            fxWork.time("show the result of: " + title, () -> onSuccess.accept(task.getValue()));
        });
        task.setOnFailed(e -> {
            running.remove(handle);
            Throwable t = task.getException();
            if (!(t instanceof CancellationException) && !token.isCancelled()) {
                onFailure.accept(t);
            }
        });
        task.setOnCancelled(e -> running.remove(handle));
        if (Platform.isFxApplicationThread()) {
            running.add(handle);
        } else {
            Platform.runLater(() -> running.add(handle));
        }
        executor.execute(task);
        return handle;
    }

    private record Handle(String title, Task<?> task, CancellationToken token) implements TaskHandle {
        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return task.runningProperty();
        }

        @Override
        public void cancel() {
            token.cancel();
            task.cancel(false);
        }
    }
}
