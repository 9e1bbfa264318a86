package io.flightdeck.analysis.rule;

/** The views of a recording a finding can point to ({@code findings[].view}); {@link #key()} is the name. */
public enum ViewKey {
    OVERVIEW("overview"),
    CPU("cpu"),
    MEMORY("memory"),
    LOCKS("locks"),
    GC("gc"),
    IO("io");

    private final String key;

    ViewKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
