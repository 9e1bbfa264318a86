package io.flightdeck.app.telemetry;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flightdeck's own JFR event: the import of one file. */
@Name("flightdeck.Import")
@Label("Import a file")
@Category({"Flightdeck"})
@Description("Flightdeck read a recording into a profile")
@StackTrace(false)
public final class ImportEvent extends Event {
    @Label("File")
    public String file;

    @Label("Size")
    @DataAmount
    public long bytes;
}
