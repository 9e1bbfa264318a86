package io.flightdeck.ingest;

/**
 * Receives progress of a long operation. Called from worker threads; implementations must be thread-safe and
 * cheap (the GUI hands the value to the FX thread, the CLI ignores it).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, stage) -> { };

    /**
     * @param fractionDone 0..1
     * @param stage        what is happening, e.g. "reading chunk 3 of 17"
     */
    void progress(double fractionDone, String stage);
}
