package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;

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
    private final GcLogContent out;
    private final UnifiedDecorations decorations;
    /** Start lines ([gc,start]) of collections whose end line has no duration (JDK 17 ZGC). */
    private final Map<Long, LogTime> cycleStarts = new HashMap<>();
    private long regionBytes = -1;
    /** Conditions logged on their own line before the pause they belong to ("To-space exhausted", JDK 9-16 G1). */
    private final Map<Long, String> pendingFlags = new HashMap<>();

    UnifiedLogParser(GcLogContent out) {
        this.out = out;
        this.decorations = new UnifiedDecorations(out);
        out.format = "unified";
    }

    @Override
    public void line(long number, String line) {
        int pos = decorations.read(line);
        if (pos < 0) {
            if (!line.isBlank()) {
                out.skip(number, line);
            }
            return;
        }
        LogTime time = new LogTime(decorations.uptime, decorations.wall);
        String tags = decorations.tags;
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
                gcId = LogValues.parseLong(message, 3, close);
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

    private void pause(long gcId, String message, LogTime logged) {
        int durStart = LogValues.durationStart(message);
        if (durStart < 0) {
            return; // the [gc,start] line of a pause; its end line follows
        }
        double seconds = LogValues.trailingDuration(message);
        String body = message.substring(0, durStart).strip();
        long[] heap = {-1, -1, -1};
        body = LogValues.stripHeapTransition(body, heap);
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
        body = LogValues.stripHeapTransition(body, heap);
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
        body = LogValues.stripHeapTransition(body, heap);
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
        long[] v = LogValues.transition(token, regions ? regionBytes : 0);
        if (v != null) {
            out.spaces.add(new LogRecords.Space(gcId, out.intern(regions ? name.substring(0, name.length() - 8) : name),
                    v[0], v[1], v[2]));
        }
    }

    private static long leadingNumber(String s, int from) {
        int to = from;
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
            to++;
        }
        return to == from ? -1 : LogValues.parseLong(s, from, to);
    }
}
