package io.flightdeck.app.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flightdeck's own JFR event: one analysis of a selection (so we can profile ourselves with ourselves). */
@Name("flightdeck.Analyze")
@Label("Analyse a selection")
@Category({"Flightdeck"})
@Description("Flightdeck computed the report of a recording's selected time range and threads")
@StackTrace(false)
public final class AnalyzeEvent extends Event {
    @Label("Recording")
    public String recording;
}
