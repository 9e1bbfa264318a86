package io.flightdeck.ingest.gclog;

import static io.flightdeck.ingest.gclog.LegacyFigures.firstNumberAfter;
import static io.flightdeck.ingest.gclog.LegacyFigures.firstTransition;
import static io.flightdeck.ingest.gclog.LegacyFigures.generation;
import static io.flightdeck.ingest.gclog.LegacyFigures.heapOf;
import static io.flightdeck.ingest.gclog.LegacyFigures.isOld;
import static io.flightdeck.ingest.gclog.LegacyFigures.isYoung;
import static io.flightdeck.ingest.gclog.LegacyFigures.lastDuration;
import static io.flightdeck.ingest.gclog.LegacyFigures.leadingName;
import static io.flightdeck.ingest.gclog.LegacyFigures.stripTrailing;

import io.flightdeck.model.GcKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a legacy GC log says into records: a completed bracketed collection (Serial, Parallel, CMS and G1
 * pauses, CMS and G1 concurrent phases, the Shenandoah backport's pauses and phases, G1's heap details) and the
 * lines without brackets (stopped time, application time). Numbers the pauses and keeps the log's clock for
 * stopped-time lines that carry no time stamp.
 */
final class LegacyEvents {
    private final GcLogContent out;
    private LogRecords.Pause lastPause;
    private int lastPauseIndex = -1;
    /** Legacy logs number collections only with -XX:+PrintGCID; otherwise pauses are numbered in log order. */
    private long nextId;
    /** A collection nested in a CMS remark is being read: the young collection of -XX:+CMSScavengeBeforeRemark. */
    private boolean insideRemark;
    /** The latest time the log has told (a time stamp, or the end of the last pause); unknown before the first. */
    private LogTime lastTime = LogTime.UNKNOWN;
    /** Stopped-time lines without a time stamp, written before the log's first time stamp: placed when it comes. */
    private final List<Integer> untimedSafepoints = new ArrayList<>();

    LegacyEvents(GcLogContent out) {
        this.out = out;
    }

    /**
     * Interprets a group as an event.
     *
     * @return false when it is not a group this parser knows
     */
    boolean event(BracketGroup g, LogTime time, boolean topLevel) {
        String own = g.own.toString();
        String trimmed = own.strip();
        if (trimmed.startsWith("GC concurrent-") || trimmed.startsWith("CMS-concurrent-")) {
            if (trimmed.startsWith("CMS-")) {
                preferCms();
            } else {
                out.setCollectorIfUnknown("G1");
            }
            concurrentPhase(g, trimmed, time);
            return true;
        }
        if (trimmed.startsWith("GC pause") || trimmed.startsWith("GC remark") || trimmed.startsWith("GC cleanup")
                || trimmed.startsWith("Full GC") || trimmed.startsWith("GC") || trimmed.startsWith("Inc GC")) {
            pause(g, trimmed, time);
            return true;
        }
        if (trimmed.startsWith("Pause ")) {
            if (!trimmed.endsWith(", start")) {
                shenandoahPause(trimmed, time);
            }
            return true;
        }
        if (trimmed.startsWith("Concurrent ")) {
            if (!trimmed.endsWith(", start")) {
                shenandoahPhase(trimmed, time);
            }
            return true;
        }
        if (!topLevel) {
            return true;
        }
        // G1's detail lines after a pause: "[Eden: ... Heap: 42.4M(256.0M)->314.4K(256.0M)]", "[ 228M->102M(256M)]"
        if (trimmed.startsWith("Eden:") || !trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0))
                && trimmed.contains("->")) {
            if (trimmed.startsWith("Eden:")) {
                out.setCollectorIfUnknown("G1"); // only G1 details its full and young pauses by region type
            }
            g1HeapDetail(trimmed);
            return true;
        }
        return LegacyLines.isPauseDetail(trimmed);
    }

    void pause(BracketGroup g, String own, LogTime time) {
        double seconds = lastDuration(own);
        String name = leadingName(own);
        List<String> flags = new ArrayList<>();
        if (name.endsWith("--")) {
            flags.add(name.startsWith("GC pause") ? "to-space exhausted" : "promotion failed");
            name = name.substring(0, name.length() - 2).strip();
        }
        PauseNames.Parts parts = PauseNames.split(name);
        if (!parts.flags().isEmpty()) {
            flags.add(parts.flags());
        }
        String cause = parts.cause();
        GcKind kind = PauseNames.kind(parts.name(), out.collector);
        long[] heap = heapOf(own);
        boolean oldCollected = false;
        boolean youngCollected = false;
        boolean marks = false;
        List<String[]> spaceNames = new ArrayList<>();
        List<long[]> spaceValues = new ArrayList<>();
        boolean wasInsideRemark = insideRemark;
        for (BracketGroup child : g.children) {
            String c = child.own.toString().strip();
            if (c.startsWith("GC concurrent-") || c.startsWith("CMS-concurrent-")
                    || c.startsWith("GC") && !c.startsWith("GC ref-proc")) {
                insideRemark = cause.equals("CMS Final Remark");
                event(child, child.time.isKnown() ? child.time : time, false);
                insideRemark = wasInsideRemark;
                continue;
            }
            if (c.contains("CMS-initial-mark")) {
                kind = GcKind.INITIAL_MARK;
                marks = true;
                preferCms();
            } else if (c.contains("CMS-remark")) {
                kind = GcKind.REMARK;
                marks = true;
                preferCms();
            }
            if (c.contains("concurrent mode failure")) {
                flags.add("concurrent mode failure");
            } else if (c.contains("concurrent mode interrupted")) {
                flags.add("concurrent mode interrupted"); // a System.gc() (or heap dump) stopped the CMS cycle
            }
            if (c.contains("promotion failed")) {
                flags.add("promotion failed");
            }
            String generation = generation(c);
            if (generation != null) {
                inferCollector(generation);
                long[] change = firstTransition(c);
                if (change != null) {
                    spaceNames.add(new String[]{generation});
                    spaceValues.add(change);
                    if (isOld(generation)) {
                        oldCollected = true;
                    } else if (isYoung(generation)) {
                        youngCollected = true;
                    }
                }
            }
        }
        if (cause.equals("CMS Initial Mark")) {
            kind = GcKind.INITIAL_MARK;
        } else if (cause.equals("CMS Final Remark") && !insideRemark && (marks || !youngCollected)) {
            // with -XX:+CMSScavengeBeforeRemark the remark runs a ParNew first, logged as "[GC (CMS Final Remark)
            // [ParNew: ...]" inside it: that one is a young collection, not a second remark
            kind = GcKind.REMARK;
        }
        if (cause.isEmpty() && marks) {
            // JDK 7 and older print no causes; JDK 8 names these two pauses so, and they have no other
            cause = kind == GcKind.INITIAL_MARK ? "CMS Initial Mark" : "CMS Final Remark";
        }
        if ((kind == GcKind.YOUNG || kind == GcKind.OTHER) && (parts.name().startsWith("GC")
                || parts.name().startsWith("Inc GC")) && !own.startsWith("GC pause")) {
            kind = oldCollected ? GcKind.FULL : GcKind.YOUNG;
        }
        if (own.startsWith("GC pause") || own.startsWith("GC remark") || own.startsWith("GC cleanup")) {
            out.setCollectorIfUnknown("G1");
        }
        if (Double.isNaN(seconds)) {
            return;
        }
        long id = nextId++; // after nested pauses (a scavenge run inside a CMS remark), which come first
        for (int k = 0; k < spaceNames.size(); k++) {
            long[] v = spaceValues.get(k);
            if (GcLogContent.isGeneration(spaceNames.get(k)[0])) {
                out.spaces.add(new LogRecords.Space(id, out.intern(spaceNames.get(k)[0]), v[0], v[1], v[2]));
            }
        }
        LogRecords.Pause pause = new LogRecords.Pause(id, time, seconds, kind, out.intern(parts.name()),
                out.intern(cause), heap[0], heap[1], heap[2], out.intern(String.join(", ", flags)));
        out.pauses.add(pause);
        lastPause = pause;
        lastPauseIndex = out.pauses.size() - 1;
        if (time.isKnown()) {
            out.seen(time.plus(seconds));
            advance(time.plus(seconds));
        }
    }

    /** The log has told a time: untimed stopped-time lines before it are placed just before it. */
    void advance(LogTime time) {
        if (!time.isKnown()) {
            return;
        }
        lastTime = time;
        if (!untimedSafepoints.isEmpty()) {
            for (int index : untimedSafepoints) {
                LogRecords.Safepoint s = out.safepoints.get(index);
                LogTime start = time.minus(s.seconds());
                out.seen(start);
                out.safepoints.set(index, new LogRecords.Safepoint(s.operation(), start, s.seconds()));
            }
            untimedSafepoints.clear();
        }
    }

    /** "CMS-concurrent-mark: 0.009/0.009 secs", "GC concurrent-mark-end, 0.0123 secs"; start lines have no time. */
    private void concurrentPhase(BracketGroup g, String own, LogTime time) {
        String name;
        double seconds;
        int colon = own.indexOf(':');
        if (own.startsWith("CMS-concurrent-")) {
            if (colon < 0) {
                return;
            }
            name = own.substring(0, colon);
            int slash = own.indexOf('/', colon);
            int end = own.indexOf(' ', slash + 1);
            if (slash < 0) {
                return;
            }
            seconds = LogValues.number(own, slash + 1, end < 0 ? own.length() : end);
        } else {
            int comma = own.indexOf(',');
            if (comma < 0) {
                return;
            }
            name = own.substring(0, comma).strip();
            seconds = firstNumberAfter(own, comma + 1);
            if (name.endsWith("-end")) {
                name = name.substring(0, name.length() - 4);
            }
        }
        if (!Double.isNaN(seconds) && time.isKnown()) {
            // the line is written when the phase ends; its start may be before the log's first time stamp
            out.seen(time.minus(seconds));
            out.phases.add(new LogRecords.Phase(-1, out.intern(name), time.minus(seconds), seconds));
        }
        for (BracketGroup child : g.children) {
            event(child, child.time.isKnown() ? child.time : time, false);
        }
    }

    /** Shenandoah backport: "Pause Init Mark (process weakrefs), 3.341 ms", "Pause Full 100M->50M(128M), 90.1 ms". */
    private void shenandoahPause(String own, LogTime time) {
        double seconds = lastDuration(own);
        if (Double.isNaN(seconds)) {
            return;
        }
        out.setCollectorIfUnknown("Shenandoah");
        int cut = own.lastIndexOf(',');
        String body = own.substring(0, cut < 0 ? own.length() : cut).strip();
        long[] heap = {-1, -1, -1};
        body = LogValues.stripHeapTransition(body, heap);
        PauseNames.Parts parts = PauseNames.split(body);
        out.seen(time.minus(seconds));
        LogRecords.Pause pause = new LogRecords.Pause(nextId++, time.minus(seconds), seconds,
                PauseNames.kind(parts.name(), "Shenandoah"), out.intern(parts.name()), out.intern(parts.cause()),
                heap[0], heap[1], heap[2], out.intern(parts.flags()));
        out.pauses.add(pause);
        lastPause = pause;
        lastPauseIndex = out.pauses.size() - 1;
    }

    private void shenandoahPhase(String own, LogTime time) {
        double seconds = lastDuration(own);
        if (Double.isNaN(seconds)) {
            return;
        }
        if (!own.startsWith("Concurrent Mark") && !own.startsWith("Concurrent Sweep")) {
            out.setCollectorIfUnknown("Shenandoah");
        }
        int paren = own.indexOf(" (");
        int comma = own.indexOf(',');
        // lines written inside the phase ("Cancelling GC: Allocation Failure") follow its name after spaces
        int spaces = own.indexOf("  ");
        int space = own.indexOf(' ', "Concurrent ".length());
        int end = own.length();
        for (int cut : new int[]{paren, comma, spaces}) {
            if (cut > 0 && cut < end) {
                end = cut;
            }
        }
        // "Concurrent cleanup 1613M->1361M(1636M), 0.092 ms": the name ends before the heap figures
        if (space > 0 && space < end && own.substring(space + 1, end).contains("->")) {
            end = space;
        }
        out.phases.add(new LogRecords.Phase(-1, out.intern(own.substring(0, end).strip()), time.minus(seconds), seconds));
    }

    private void g1HeapDetail(String own) {
        if (lastPause == null || lastPause.heapAfter() >= 0) {
            return;
        }
        String token;
        int heap = own.indexOf("Heap: ");
        if (heap >= 0) {
            int end = own.indexOf(' ', heap + 6);
            token = own.substring(heap + 6, end < 0 ? own.length() : end);
        } else {
            token = own.strip();
            int end = token.indexOf(' ');
            if (end > 0) {
                token = token.substring(0, end);
            }
        }
        token = stripTrailing(token, ",]");
        long[] v = LogValues.transition(token, 0);
        if (v != null) {
            LogRecords.Pause p = lastPause;
            lastPause = new LogRecords.Pause(p.gcId(), p.start(), p.seconds(), p.kind(), p.name(), p.cause(), v[0],
                    v[1], v[2], p.flags());
            out.pauses.set(lastPauseIndex, lastPause);
        }
    }

    /** A line without brackets: stopped time, application time, interjections; anything else is skipped. */
    void plainLine(long number, String line) {
        int stopped = line.indexOf("Total time for which application threads were stopped: ");
        if (stopped >= 0) {
            LogTime time = LegacyStamps.prefixTime(line.substring(0, stopped));
            int from = stopped + "Total time for which application threads were stopped: ".length();
            int to = line.indexOf(' ', from);
            double seconds = LogValues.number(line, from, to < 0 ? line.length() : to);
            if (Double.isNaN(seconds)) {
                out.skip(number, line);
                return;
            }
            if (time.isKnown()) {
                out.seen(time);
                out.seen(time.minus(seconds));
                advance(time);
            } else if (lastTime.isKnown()) {
                // -XX:+PrintGCApplicationStoppedTime without -XX:+PrintGCTimeStamps: written as the safepoint
                // ends, right after what the log told last
                time = lastTime;
                out.seen(time.minus(seconds));
            } else {
                untimedSafepoints.add(out.safepoints.size());
            }
            out.safepoints.add(new LogRecords.Safepoint("", time.minus(seconds), seconds));
            return;
        }
        int application = line.indexOf("Application time: ");
        if (application >= 0) {
            LogTime time = LegacyStamps.prefixTime(line.substring(0, application));
            out.seen(time);
            advance(time);
            return;
        }
        if (LegacyLines.isShenandoahInfo(line.strip())) {
            out.setCollectorIfUnknown("Shenandoah"); // the backport's informational lines between its pauses
            return;
        }
        if (Character.isWhitespace(line.charAt(0)) && lastPause != null || "Shenandoah".equals(out.collector)) {
            return; // indented detail lines of G1; the Shenandoah backport's informational lines
        }
        out.skip(number, line);
    }

    void inferCollector(String generation) {
        switch (generation) {
            case "DefNew", "Tenured" -> out.setCollectorIfUnknown("Serial");
            case "PSYoungGen", "PSOldGen", "ParOldGen" -> out.setCollectorIfUnknown("Parallel");
            case "ParNew", "ASParNew" -> out.setCollectorIfUnknown("CMS");
            case "CMS", "ASCMS" -> preferCms();
            default -> {
            }
        }
    }

    /** CMS with a serial young collector logs "DefNew" first; the old generation names the collector. */
    private void preferCms() {
        if (out.collector == null || "Serial".equals(out.collector)) {
            out.collector = "CMS";
        }
    }
}
