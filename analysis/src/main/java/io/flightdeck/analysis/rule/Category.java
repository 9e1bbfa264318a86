package io.flightdeck.analysis.rule;

/** The categories of findings (CLI-CONTRACT: {@code findings[].category}); {@link #label()} is the JSON name. */
public enum Category {
    CPU_HOTSPOT("cpu-hotspot"),
    LOCK_CONTENTION("lock-contention"),
    ALLOCATION_PRESSURE("allocation-pressure"),
    MEMORY_LEAK("memory-leak"),
    GC_OVERHEAD("gc-overhead"),
    THREAD_POOL_STARVATION("thread-pool-starvation"),
    EXCEPTION_OVERHEAD("exception-overhead"),
    IO_BLOCKING("io-blocking"),
    THREAD_CHURN("thread-churn"),
    DATABASE("database"),
    JVM_CONFIGURATION("jvm-configuration"),
    RECORDING_QUALITY("recording-quality"),
    /** The host, not the application. */
    ENVIRONMENT("environment");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
