package io.flightdeck.ingest.gclog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JDK 8 and older HotSpot GC logs ({@code -verbose:gc}, {@code -XX:+PrintGCDetails}, with or without time
 * and date stamps): Serial, Parallel, CMS (incremental too), G1 and the Shenandoah backport.
 * <p>
 * These logs write one collection as a tree of bracketed groups — {@code [GC 1.2: [ParNew: 10K->1K(20K), 0.01
 * secs] 30K->21K(60K), 0.02 secs]} — that other output may cut across lines: tenuring distributions, adaptive
 * size policy, concurrent phases of CMS and G1 written into the middle of a pause. The parser keeps a collection
 * open until its brackets balance, drops the known interjections, then reads the tree: the outer group is the
 * pause, inner groups are generations, nested pauses or concurrent phases.
 * <p>
 * This class assembles the collections from the lines; {@link LegacyEvents} reads what they say, {@link LegacyLines}
 * tells the other lines apart.
 */
final class LegacyLogParser implements LogLineParser {
    private static final Pattern EVENT_START = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT[\\d:.,]+[+-]\\d{4}: )?(\\d+[.,]\\d+: )?(#\\d+: )?\\[(GC|Full GC)\\b(?! concurrent).*");
    private static final int MAX_OPEN_LINES = 2_000;
    private static final int MAX_OPEN_CHARS = 256 * 1024;

    private final GcLogContent out;
    private final LegacyEvents events;

    private StringBuilder open;
    private LogTime openTime;
    private long openFirstLine;
    private int openLines;
    private int depth;

    LegacyLogParser(GcLogContent out) {
        this.out = out;
        this.events = new LegacyEvents(out);
        out.format = "legacy";
    }

    @Override
    public void line(long number, String raw) {
        String line = LegacyLines.withoutAdaptiveSizeNoise(raw);
        if (out.collectorOpen() && !line.isEmpty() && line.charAt(0) == ' ') {
            // -XX:+PrintHeapAtGC and the heap at exit name the generations, and so the collector
            out.inferCollector(PauseNames.collectorFromHeapPrintout(line), true);
        }
        if (open != null) {
            if (EVENT_START.matcher(line).matches() && !remarkInProgress()) {
                abandon("a new collection starts before the previous one was complete");
            } else if (LegacyLines.isNoise(line)) {
                return;
            } else {
                openLines++;
                scan(line, 0, number);
                if (open != null && (openLines > MAX_OPEN_LINES || open.length() > MAX_OPEN_CHARS)) {
                    abandon("a collection's brackets never closed");
                }
                return;
            }
        }
        if (line.isBlank()) {
            return;
        }
        if (LegacyLines.isNoise(line) || LegacyLines.header(line, out)) {
            return;
        }
        int bracket = line.indexOf('[');
        if (bracket < 0) {
            events.plainLine(number, line);
            return;
        }
        scan(line, 0, number);
    }

    @Override
    public void finish() {
        if (open != null) {
            abandon("the log ends inside a collection (cut off?)");
        }
    }

    /**
     * True while a CMS remark is open: with -XX:+CMSScavengeBeforeRemark it runs a young collection inside it,
     * which (with -XX:+PrintHeapAtGC between them) starts on a line of its own; that line belongs to the remark.
     */
    private boolean remarkInProgress() {
        return open.indexOf("[YG occupancy") >= 0 || open.indexOf("(CMS Final Remark)") >= 0;
    }

    /** Scans {@code line} from {@code from}, opening, extending and completing bracketed events. */
    private void scan(String line, int from, long number) {
        int pos = from;
        int n = line.length();
        while (pos < n) {
            if (open == null) {
                int bracket = line.indexOf('[', pos);
                if (bracket < 0) {
                    String rest = line.substring(pos).strip();
                    if (!rest.isEmpty() && pos == 0) {
                        events.plainLine(number, line);
                    }
                    return;
                }
                String prefix = line.substring(pos, bracket);
                open = new StringBuilder(128);
                openTime = LegacyStamps.prefixTime(prefix);
                openFirstLine = number;
                openLines = 1;
                depth = 0;
                out.seen(openTime);
                events.advance(openTime);
                pos = bracket;
            }
            int segment = pos;
            boolean closed = false;
            for (; pos < n; pos++) {
                char c = line.charAt(pos);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    pos++;
                    closed = true;
                    break;
                }
            }
            open.append(line, segment, pos);
            if (closed) {
                complete();
            }
        }
    }

    private void complete() {
        String text = open.toString();
        LogTime time = openTime;
        long first = openFirstLine;
        open = null;
        BracketGroup root = BracketGroup.parse(text);
        if (root == null || !events.event(root, time, true)) {
            out.skip(first, text);
        }
    }

    private void abandon(String why) {
        out.skippedLines += openLines;
        if (out.skippedSamples.size() < GcLogContent.SKIPPED_SAMPLES) {
            String shown = open.length() > 200 ? open.substring(0, 200) + "…" : open.toString();
            out.skippedSamples.add(openFirstLine + ": " + shown);
        }
        if (out.warnings.stream().noneMatch(w -> w.startsWith("Lines from " + openFirstLine))) {
            out.warnings.add("Lines from " + openFirstLine + " on were not read: " + why + ".");
        }
        String text = open.toString();
        int unclosed = depth;
        LogTime time = openTime;
        open = null;
        depth = 0;
        salvage(text, unclosed, time);
    }

    /**
     * What can still be taken from a collection that never completed: the concurrent phases that completed inside
     * it and the generations it names (so the collector), never the collection itself (it has no duration).
     */
    private void salvage(String text, int unclosed, LogTime time) {
        if (unclosed <= 0 || unclosed > 16) {
            return;
        }
        BracketGroup root = BracketGroup.parse(text + "]".repeat(unclosed));
        if (root != null) {
            salvage(root.children, time, 0);
        }
    }

    /**
     * Walks the groups inside a collection that never completed: generations name the collector, and complete
     * concurrent phases and collections written inside it (a garbled line: "[ParNew...: [ParNew...: [GC (...)
     * ...secs]") are read; a group closed only by {@link #salvage(String, int, LogTime)} has no duration, so it
     * adds nothing.
     */
    private void salvage(List<BracketGroup> groups, LogTime time, int depth) {
        if (depth > 8) {
            return;
        }
        for (BracketGroup child : groups) {
            String c = child.own.toString().strip();
            LogTime at = child.time.isKnown() ? child.time : time;
            if (c.startsWith("GC concurrent-") || c.startsWith("CMS-concurrent-")) {
                events.event(child, at, false);
                continue;
            }
            if ((c.startsWith("GC") || c.startsWith("Full GC")) && at.isKnown()
                    && !Double.isNaN(LegacyFigures.lastDuration(c))) {
                events.pause(child, c, at);
                continue;
            }
            String generation = LegacyFigures.generation(c);
            if (generation != null) {
                events.inferCollector(generation);
            }
            salvage(child.children, at, depth + 1);
        }
    }
}
