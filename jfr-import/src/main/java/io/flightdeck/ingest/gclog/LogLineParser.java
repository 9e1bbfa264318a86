package io.flightdeck.ingest.gclog;

/** Reads a GC log one line at a time into a {@link GcLogContent}. */
interface LogLineParser {
    /** @param number the line's number in its file, from 1 */
    void line(long number, String line);

    /** The input ended: complete or give up what is still open. */
    void finish();
}
