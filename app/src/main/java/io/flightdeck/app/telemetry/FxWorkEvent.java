package io.flightdeck.app.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flightdeck's own JFR event: one piece of work on the JavaFX thread. */
@Name("flightdeck.FxWork")
@Label("Work on the FX thread")
@Category({"Flightdeck"})
@Description("Something Flightdeck did on the JavaFX application thread: building a view or a chart, showing a "
        + "result, the CSS and layout of a pulse")
@StackTrace(false)
public final class FxWorkEvent extends Event {
    @Label("What")
    public String what;
}
