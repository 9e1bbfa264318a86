package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JDK 9+ unified logging ({@code -Xlog:gc...}) line by line: any decorators in any order (uptime, time,
 * utctime, uptimemillis, uptimenanos, timemillis, timenanos, level, tags, pid, tid, hostname), every collector.
 * A line is understood when it carries decorations; what it says is used when it is a pause, a concurrent phase or
 * cycle, a heap figure, a safepoint or a fact about the JVM, and otherwise passed over. Lines without decorations
 * (application output, garbage) are counted as skipped.
 */
final class UnifiedLogParser implements LogLineParser {
    /** {@code time}/{@code utctime} decorations: 2024-01-15T10:12:13.123+0100. */
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private final GcLogContent out;
    /** Start lines ([gc,start]) of collections whose end line has no duration (JDK 17 ZGC). */
    private final Map<Long, LogTime> cycleStarts = new HashMap<>();
    private long regionBytes = -1;
    /** Conditions logged on their own line before the pause they belong to ("To-space exhausted", JDK 9-16 G1). */
    private final Map<Long, String> pendingFlags = new HashMap<>();

    // the decorations of the current line
    private double uptime;
    private Instant wall;
    private String tags;
    /** Where the current line's time/utctime decoration is (parsed only when needed: it is the costly one). */
    private int wallFrom = -1;
    private int wallTo;

    UnifiedLogParser(GcLogContent out) {
        this.out = out;
        out.format = "unified";
    }

    @Override
    public void line(long number, String line) {
        int pos = decorations(line);
        if (pos < 0) {
            if (!line.isBlank()) {
                out.skip(number, line);
            }
            return;
        }
        LogTime time = new LogTime(uptime, wall);
        out.seen(time);
        int n = line.length();
        while (pos < n && line.charAt(pos) == ' ') {
            pos++;
        }
        String message = line.substring(pos);
        boolean safepoint;
        if (tags == null) {
            // -Xlog:...:decorators without "tags": what the message says tells gc and safepoint lines apart
            safepoint = message.startsWith("Safepoint \"") || message.startsWith("Application time: ")
                    || message.startsWith("Entering safepoint region") || message.startsWith("Leaving safepoint region");
        } else {
            safepoint = tags.startsWith("safepoint");
            if (!safepoint && !tags.startsWith("gc")) {
                out.otherTagLines++;
                return;
            }
        }
        if (safepoint) {
            safepoint(message, time);
            return;
        }
        if (tags != null && tags.contains("stats")) {
            return; // the end-of-run statistics tables of Shenandoah and ZGC
        }
        long gcId = -1;
        if (message.startsWith("GC(")) {
            int close = message.indexOf(')');
            if (close > 3) {
                gcId = parseLong(message, 3, close);
                message = message.substring(close + 1).stripLeading();
            }
        }
        // generational ZGC prefixes its young/old work: "y: Pause Mark Start", "O: Concurrent Mark"
        if (message.length() > 3 && message.charAt(1) == ':' && message.charAt(2) == ' '
                && "yYoO".indexOf(message.charAt(0)) >= 0) {
            message = message.substring(3);
        }
        if (message.isEmpty()) {
            return;
        }
        if (out.collectorOpen()) {
            out.inferCollector(PauseNames.collectorFromMessage(message), true);
        }
        switch (message.charAt(0)) {
            case 'P' -> {
                if (message.startsWith("Pause ")) {
                    pause(gcId, message, time);
                }
            }
            case 'C' -> {
                if (message.startsWith("Concurrent ")) {
                    concurrent(gcId, message, time);
                } else if (message.startsWith("CPUs: ") && gcId < 0) {
                    out.cpus = (int) leadingNumber(message, 6);
                }
            }
            case 'G', 'M' -> {
                if (message.startsWith("Garbage Collection (") || message.startsWith("Major Collection (")
                        || message.startsWith("Minor Collection (")) {
                    zCycle(gcId, message, time);
                } else if (gcId < 0 && (message.startsWith("Max Capacity: ") || message.startsWith("Memory: "))) {
                    initFact(message);
                }
            }
            case 'U' -> {
                if (message.startsWith("Using ") && gcId < 0) {
                    String collector = PauseNames.collectorFromUsing(message.substring(6));
                    if (collector != null) {
                        out.collector = collector;
                    }
                }
            }
            case 'V' -> {
                if (message.startsWith("Version: ") && gcId < 0) {
                    String v = message.substring(9).strip();
                    int space = v.indexOf(' ');
                    out.jvmVersion = space > 0 ? v.substring(0, space) : v;
                }
            }
            case 'H' -> {
                if (gcId < 0) {
                    initFact(message);
                }
            }
            case 'A', 'R' -> {
                if (message.startsWith("Allocation Stall (") || message.startsWith("Relocation Stall (")) {
                    stall(message, time);
                }
            }
            case 'T' -> {
                if (message.startsWith("Total time for which application threads were stopped: ")) {
                    stoppedTime(message, time);
                } else if (message.startsWith("To-space exhausted") && gcId >= 0) {
                    pendingFlags.put(gcId, "to-space exhausted");
                }
            }
            default -> {
            }
        }
        if (gcId >= 0 && (tags == null || tags.contains("heap")) && message.indexOf("->") > 0) {
            space(gcId, message);
        }
    }

    @Override
    public void finish() {
        // nothing pending: every record is complete on its own line
    }

    /**
     * Reads the decorations at the start of a line into {@link #uptime}, {@link #wall} and {@link #tags}.
     *
     * @return where the message starts, or -1 when the line has no decorations
     */
    private int decorations(String line) {
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
                        long nanos = parseLong(line, from, to - 2);
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

    private void pause(long gcId, String message, LogTime logged) {
        int durStart = LogValues.durationStart(message);
        if (durStart < 0) {
            return; // the [gc,start] line of a pause; its end line follows
        }
        double seconds = LogValues.trailingDuration(message);
        String body = message.substring(0, durStart).strip();
        long[] heap = {-1, -1, -1};
        body = stripHeapTransition(body, heap);
        PauseNames.Parts parts = PauseNames.split(body);
        if (out.collectorOpen()) {
            out.inferCollector(PauseNames.collectorFromPause(parts.name(), parts.cause()), true);
        }
        GcKind kind = PauseNames.kind(parts.name(), out.collector);
        out.seen(logged.minus(seconds));
        String flags = parts.flags();
        String pending = pendingFlags.remove(gcId);
        if (pending != null) {
            flags = flags.isEmpty() ? pending : flags + ", " + pending;
        }
        out.pauses.add(new LogRecords.Pause(gcId, logged.minus(seconds), seconds, kind, out.intern(parts.name()),
                out.intern(parts.cause()), heap[0], heap[1], heap[2], out.intern(flags)));
    }

    private void concurrent(long gcId, String message, LogTime logged) {
        int durStart = LogValues.durationStart(message);
        if (durStart < 0) {
            return; // start line
        }
        double seconds = LogValues.trailingDuration(message);
        String body = message.substring(0, durStart).strip();
        long[] heap = {-1, -1, -1};
        body = stripHeapTransition(body, heap);
        int paren = body.indexOf(" (");
        String name = paren > 0 ? body.substring(0, paren) : body;
        if (name.equals("Concurrent Cycle") || name.equals("Concurrent Mark Cycle")
                || name.equals("Concurrent Undo Cycle")) {
            out.cycles.add(new LogRecords.Cycle(gcId, out.intern(name), "", logged.minus(seconds), seconds, -1, -1, -1));
        } else {
            out.seen(logged.minus(seconds)); // its start may be before the log's first line
            out.phases.add(new LogRecords.Phase(gcId, out.intern(name), logged.minus(seconds), seconds));
        }
    }

    /** ZGC's summary of a collection: "Garbage Collection (Warmup) 14M(1%)->10M(1%)" with or without a duration. */
    private void zCycle(long gcId, String message, LogTime logged) {
        boolean end = message.indexOf("->") > 0;
        out.setCollectorIfUnknown("ZGC");
        if (!end) {
            cycleStarts.put(gcId, logged); // the [gc,start] line
            return;
        }
        double seconds = LogValues.trailingDuration(message);
        String body = Double.isNaN(seconds) ? message : message.substring(0, LogValues.durationStart(message)).strip();
        long[] heap = {-1, -1, -1};
        body = stripHeapTransition(body, heap);
        PauseNames.Parts parts = PauseNames.split(body);
        LogTime start = cycleStarts.remove(gcId);
        if (Double.isNaN(seconds) && start != null && start.hasUptime() && logged.hasUptime()) {
            seconds = logged.uptimeSeconds() - start.uptimeSeconds();
        }
        if (start == null) {
            start = Double.isNaN(seconds) ? logged : logged.minus(seconds);
        }
        out.cycles.add(new LogRecords.Cycle(gcId, out.intern(parts.name()), out.intern(parts.cause()), start, seconds,
                heap[0], heap[1], heap[2]));
    }

    /** JDK 17+: Safepoint "G1CollectForAllocation", Time since last: ..., Reaching safepoint: ..., Total: 11266000 ns. */
    private void safepoint(String message, LogTime logged) {
        if (message.startsWith("Safepoint \"")) {
            int close = message.indexOf('"', 11);
            int total = message.lastIndexOf("Total: ");
            if (close < 0 || total < 0) {
                return;
            }
            String op = message.substring(11, close);
            operationClue(op);
            double seconds = nanosField(message, total + 7);
            if (!Double.isNaN(seconds)) {
                out.seen(logged.minus(seconds));
                out.safepoints.add(new LogRecords.Safepoint(out.intern(op), logged.minus(seconds), seconds));
            }
        } else if (message.startsWith("Total time for which application threads were stopped: ")) {
            stoppedTime(message, logged);
        } else if (message.startsWith("Entering safepoint region: ")) {
            operationClue(message.substring("Entering safepoint region: ".length()).strip());
        }
    }

    /** A safepoint's operation may name the collector (G1CollectForAllocation, ShenandoahInitMark, ...). */
    private void operationClue(String op) {
        if (out.collectorOpen()) {
            out.inferCollector(PauseNames.collectorFromOperation(op), !PauseNames.isSharedOperation(op));
        }
    }

    /** JDK 9-16: "Total time for which application threads were stopped: 0.0001234 seconds, Stopping threads took: ...". */
    private void stoppedTime(String message, LogTime logged) {
        int from = "Total time for which application threads were stopped: ".length();
        int to = message.indexOf(' ', from);
        double seconds = LogValues.number(message, from, to < 0 ? message.length() : to);
        if (!Double.isNaN(seconds)) {
            // the line is written when the safepoint ends: its start may be the earliest time of the log
            out.seen(logged.minus(seconds));
            out.safepoints.add(new LogRecords.Safepoint("", logged.minus(seconds), seconds));
        }
    }

    private static double nanosField(String message, int from) {
        int to = from;
        while (to < message.length() && Character.isDigit(message.charAt(to))) {
            to++;
        }
        double v = LogValues.number(message, from, to);
        String rest = message.substring(to).strip();
        if (rest.startsWith("ns")) {
            return v / 1e9;
        }
        if (rest.startsWith("us")) {
            return v / 1e6;
        }
        if (rest.startsWith("ms")) {
            return v / 1e3;
        }
        return v / 1e9;
    }

    /** ZGC: "Allocation Stall (main) 0.706ms" — logged when the stall ends. */
    private void stall(String message, LogTime logged) {
        double seconds = LogValues.trailingDuration(message);
        if (Double.isNaN(seconds)) {
            return;
        }
        int open = message.indexOf('(');
        int close = message.lastIndexOf(')');
        String what = message.substring(0, open).strip();
        String thread = close > open ? message.substring(open + 1, close) : "";
        out.stalls.add(new LogRecords.Stall(out.intern(what), out.intern(thread), logged, seconds));
    }

    /** [gc,init] and [gc,heap] facts: heap capacities, region size, memory. */
    private void initFact(String message) {
        if (message.startsWith("Heap address: ")) {
            // JDK 9-16 [gc,heap,coops]: "Heap address: 0x00000000fc000000, size: 64 MB, Compressed Oops mode: ..."
            int size = message.indexOf(", size: ");
            if (size > 0 && out.maxHeapBytes < 0) {
                int from = size + 8;
                int end = message.indexOf(',', from);
                String value = message.substring(from, end < 0 ? message.length() : end).strip();
                if (value.endsWith("B") && value.length() > 2 && value.charAt(value.length() - 2) == ' ') {
                    value = value.substring(0, value.length() - 2); // "64 B"
                } else if (value.endsWith("B") && value.length() > 3 && value.charAt(value.length() - 3) == ' ') {
                    value = value.substring(0, value.length() - 3) + value.charAt(value.length() - 2); // "64 MB"
                }
                long bytes = LogValues.size(value);
                if (bytes > 0) {
                    out.maxHeapBytes = bytes;
                }
            }
            return;
        }
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return;
        }
        String key = message.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = message.substring(colon + 2).strip();
        int cut = value.indexOf(' ');
        if (cut > 0) {
            value = value.substring(0, cut);
        }
        int percent = value.indexOf('(');
        if (percent > 0) {
            value = value.substring(0, percent);
        }
        long bytes = LogValues.size(value);
        switch (key) {
            case "heap max capacity", "max capacity" -> out.maxHeapBytes = bytes;
            case "heap initial capacity", "initial capacity" -> out.initialHeapBytes = bytes;
            case "heap region size" -> regionBytes = bytes;
            case "memory" -> out.physicalMemoryBytes = bytes;
            default -> {
            }
        }
    }

    /**
     * Per-generation occupancy: "PSYoungGen: 6144K(7168K)->1008K(7168K) ...", "Tenured: 0K->1234K(10944K)",
     * "Eden regions: 12->0(14)" (regions, in bytes when the region size is known).
     */
    private void space(long gcId, String message) {
        int colon = message.indexOf(": ");
        if (colon <= 0 || colon > 40) {
            return;
        }
        String name = message.substring(0, colon);
        boolean regions = name.endsWith(" regions");
        if (!GcLogContent.isGeneration(regions ? name.substring(0, name.length() - 8) : name)) {
            return;
        }
        if (regions && regionBytes <= 0) {
            return;
        }
        int from = colon + 2;
        int end = message.indexOf(' ', from);
        String token = message.substring(from, end < 0 ? message.length() : end);
        long[] v = transition(token, regions ? regionBytes : 0);
        if (v != null) {
            out.spaces.add(new LogRecords.Space(gcId, out.intern(regions ? name.substring(0, name.length() - 8) : name),
                    v[0], v[1], v[2]));
        }
    }

    /**
     * Removes a trailing heap transition ("24M->3M(256M)", "14M(1%)->10M(1%)") from the text and stores
     * before/after/committed in {@code heap}.
     */
    static String stripHeapTransition(String body, long[] heap) {
        int space = body.lastIndexOf(' ');
        String token = body.substring(space + 1);
        if (token.indexOf("->") < 0) {
            return body;
        }
        long[] v = transition(token, 0);
        if (v == null) {
            return body;
        }
        heap[0] = v[0];
        heap[1] = v[1];
        heap[2] = v[2];
        return space < 0 ? "" : body.substring(0, space).strip();
    }

    /**
     * Parses "a->b(c)", "a(c0)->b(c)", "a->b", "14M(1%)->10M(1%)"; sizes with units, or counts multiplied by
     * {@code unitBytes} when it is positive. Returns {before, after, committed or -1}, or null.
     */
    static long[] transition(String token, long unitBytes) {
        int arrow = token.indexOf("->");
        if (arrow <= 0) {
            return null;
        }
        String left = token.substring(0, arrow);
        String right = token.substring(arrow + 2);
        int lp = left.indexOf('(');
        if (lp >= 0) {
            left = left.substring(0, lp);
        }
        long committed = -1;
        int rp = right.indexOf('(');
        if (rp >= 0) {
            int close = right.indexOf(')', rp);
            String inner = right.substring(rp + 1, close < 0 ? right.length() : close);
            if (!inner.endsWith("%")) {
                committed = unitBytes > 0 ? count(inner, unitBytes) : LogValues.size(inner);
            }
            right = right.substring(0, rp);
        }
        long before = unitBytes > 0 ? count(left, unitBytes) : LogValues.size(left);
        long after = unitBytes > 0 ? count(right, unitBytes) : LogValues.size(right);
        if (before < 0 || after < 0) {
            return null;
        }
        return new long[]{before, after, committed};
    }

    private static long count(String text, long unitBytes) {
        double v = LogValues.number(text, 0, text.length());
        return Double.isNaN(v) ? -1 : Math.round(v) * unitBytes;
    }

    private static long parseLong(CharSequence s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long leadingNumber(String s, int from) {
        int to = from;
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
            to++;
        }
        return to == from ? -1 : parseLong(s, from, to);
    }
}
