package io.flightdeck.model;

/** The kinds of input Flightdeck reads; {@link #label()} is the name in the CLI's JSON. */
public enum SourceKind {
    JFR("jfr"), GC_LOG("gc-log"), CLASS_HISTOGRAM("class-histogram");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
