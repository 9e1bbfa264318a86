package io.flightdeck.samples.scenario;

/** Keeps results alive so the JIT cannot remove the work. */
final class Sink {
    private static volatile long value;

    private Sink() {
    }

    static void accept(long v) {
        value += v;
    }

    static long value() {
        return value;
    }
}
