package io.flightdeck.app.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flightdeck's own JFR event: a view filled with the data of a selection, on the FX thread. */
@Name("flightdeck.Render")
@Label("Render a view")
@Category({"Flightdeck"})
@Description("Flightdeck filled a view (tables, charts) with new data on the JavaFX thread")
@StackTrace(false)
public final class RenderEvent extends Event {
    @Label("View")
    public String view;
}
