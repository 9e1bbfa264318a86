package io.flightdeck.ingest.histogram;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text one line at a time (LF, CRLF or CR) and remembers whether the last line returned ended with a line
 * break: a final line without one may have been cut mid-row.
 */
final class LineReader {
    private final Reader in;
    private final char[] buffer = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder(128);
    private int pos;
    private int limit;
    private boolean eof;
    private boolean terminated = true;
    private boolean skipLf;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (line.isEmpty()) {
                        return null;
                    }
                    terminated = false;
                    return line.toString();
                }
            }
            char c = buffer[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                terminated = true;
                return line.toString();
            }
            line.append(c);
        }
    }

    /** Whether the line last returned by {@link #next()} ended with a line break. */
    boolean lastTerminated() {
        return terminated;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
