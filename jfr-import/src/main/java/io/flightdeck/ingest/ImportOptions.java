package io.flightdeck.ingest;

/**
 * How to import.
 *
 * @param parallelism chunks decoded at once (1 = sequential, no temporary chunk files)
 * @param scope       how much to decode
 */
public record ImportOptions(int parallelism, Scope scope) {
    /** How much of a recording to decode. */
    public enum Scope {
        /** Everything the profile holds. */
        FULL,
        /** Only the facts about the JVM and the event counts (what {@code flightdeck summary} prints). */
        FACTS
    }

    public ImportOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** One worker per available processor, everything decoded. */
    public static ImportOptions defaults() {
        return new ImportOptions(Runtime.getRuntime().availableProcessors(), Scope.FULL);
    }

    public ImportOptions withScope(Scope newScope) {
        return new ImportOptions(parallelism, newScope);
    }

    public ImportOptions withParallelism(int threads) {
        return new ImportOptions(threads, scope);
    }
}
