package io.flightdeck.ingest.gclog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The decorations in front of a unified logging line ({@code [0.123s][info][gc,start]}), read one line at a time:
 * its uptime, wall-clock time and tag set, whichever the line carries.
 */
final class UnifiedDecorations {
    /** {@code time}/{@code utctime} decorations: 2024-01-15T10:12:13.123+0100. */
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private final GcLogContent out;
    /** The current line's uptime in seconds, NaN when it has none. */
    double uptime;
    /** The current line's wall-clock time, null when it has none (or it is not needed: see {@link #read}). */
    Instant wall;
    /** The current line's tag set ("gc,start"), null when it has none. */
    String tags;
    /** Where the current line's time/utctime decoration is (parsed only when needed: it is the costly one). */
    private int wallFrom = -1;
    private int wallTo;

    UnifiedDecorations(GcLogContent out) {
        this.out = out;
    }

    /**
     * Reads the decorations at the start of a line into {@link #uptime}, {@link #wall} and {@link #tags}.
     *
     * @return where the message starts, or -1 when the line has no decorations
     */
    int read(String line) {
        uptime = Double.NaN;
        wall = null;
        tags = null;
        wallFrom = -1;
        int n = line.length();
        int pos = 0;
        boolean any = false;
        while (pos < n && line.charAt(pos) == '[') {
            int close = line.indexOf(']', pos + 1);
            if (close < 0) {
                break;
            }
            if (!decoration(line, pos + 1, close)) {
                break;
            }
            any = true;
            pos = close + 1;
        }
        if (wallFrom >= 0 && (Double.isNaN(uptime) || out.jvmStart == null)) {
            // with an uptime on every line, the wall clock is needed only once: to place the JVM start
            wall = parseWall(line.substring(wallFrom, wallTo));
        }
        return any && (tags != null || !Double.isNaN(uptime) || wallFrom >= 0 || wall != null) ? pos : -1;
    }

    /**
     * Classifies one decoration; false when it cannot be one (then this is not a unified log line). The JDK writes
     * them in a fixed order (time, utctime, uptime, timemillis, uptimemillis, timenanos, uptimenanos, hostname, pid,
     * tid, level, tags) but any may be left out: times are told by their form, numbers without a unit are pid and
     * tid, level names are levels, and the last other word is the tag set (a host name may come before it).
     */
    private boolean decoration(String line, int from, int to) {
        while (from < to && line.charAt(from) == ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return false;
        }
        char first = line.charAt(from);
        char last = line.charAt(to - 1);
        if (first >= '0' && first <= '9') {
            if (to - from >= 24 && line.charAt(from + 4) == '-' && line.charAt(from + 10) == 'T') {
                wallFrom = from;
                wallTo = to;
                return true;
            }
            if (last == 's') {
                char unit = line.charAt(to - 2);
                if (unit == 'm') {
                    double v = LogValues.number(line, from, to - 2);
                    if (v > 1e11) {
                        wall = Instant.ofEpochMilli((long) v);
                    } else {
                        uptime = v / 1e3;
                    }
                } else if (unit == 'n') {
                    double v = LogValues.number(line, from, to - 2);
                    if (v > 1e17) {
                        long nanos = LogValues.parseLong(line, from, to - 2);
                        wall = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
                    } else {
                        uptime = v / 1e9;
                    }
                } else {
                    uptime = LogValues.number(line, from, to - 1);
                }
                return true;
            }
            tags = null; // pid and tid come after the host name: a word before them was the host, not the tags
            return true; // pid, tid
        }
        if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
            String word = line.substring(from, to);
            switch (word) {
                case "trace", "debug", "info", "warning", "error", "off" -> {
                    tags = null; // the level comes after the host name and before the tags
                    return true;
                }
                default -> {
                    if (word.indexOf(' ') >= 0) {
                        return false; // words with spaces are a message in brackets, not a decoration
                    }
                    if (isTagSet(word)) {
                        tags = word; // the last one wins: a lower-case host name comes before the tags
                    }
                    return true; // a host name
                }
            }
        }
        return false;
    }

    private static boolean isTagSet(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ',' || c == '_' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static Instant parseWall(String text) {
        try {
            return OffsetDateTime.parse(text, WALL).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
