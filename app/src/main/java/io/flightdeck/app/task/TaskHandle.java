package io.flightdeck.app.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A running piece of background work as the status bar sees it. */
public interface TaskHandle {
    String title();

    /** 0..1, or -1 while unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    void cancel();
}
