package io.flightdeck.app.task;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ProgressListener;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work at once on the calling thread: deterministic ViewModel tests. */
public final class InlineTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        try {
            onSuccess.accept(work.call(ProgressListener.NONE, token));
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new TaskHandle() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return new ReadOnlyDoubleWrapper(1).getReadOnlyProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return new ReadOnlyStringWrapper(title).getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
            }

            @Override
            public void cancel() {
                token.cancel();
            }
        };
    }
}
