package io.flightdeck.model;

/** What a stop-the-world GC pause was, across collectors; {@link #label()} is the name the CLI prints. */
public enum GcKind {
    YOUNG("young"),
    MIXED("mixed"),
    FULL("full"),
    INITIAL_MARK("initial-mark"),
    REMARK("remark"),
    CLEANUP("cleanup"),
    /** ZGC / Shenandoah pauses of a concurrent cycle (mark start, mark end, relocate start, ...). */
    CONCURRENT_CYCLE_PAUSE("concurrent-cycle"),
    /** Shenandoah degenerated cycle. */
    DEGENERATED("degenerated"),
    OTHER("other");

    private final String label;

    GcKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
