package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
 */
final class LegacyLogParser implements LogLineParser {
    private static final Pattern EVENT_START = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT[\\d:.,]+[+-]\\d{4}: )?(\\d+[.,]\\d+: )?(#\\d+: )?\\[(GC|Full GC)\\b(?! concurrent).*");
    private static final Pattern TIMED_STEP = Pattern.compile("[A-Za-z][A-Za-z /()-]*(, \\d+ refs)?, [\\d.,]+ secs");
    private static final Pattern DETAIL_LABEL = Pattern.compile("[A-Za-z][A-Za-z /()-]*(:.*)?");
    private static final int MAX_OPEN_LINES = 2_000;
    private static final int MAX_OPEN_CHARS = 256 * 1024;

    private final GcLogContent out;

    private StringBuilder open;
    private LogTime openTime;
    private long openFirstLine;
    private int openLines;
    private int depth;
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

    LegacyLogParser(GcLogContent out) {
        this.out = out;
        out.format = "legacy";
    }

    @Override
    public void line(long number, String raw) {
        String line = withoutAdaptiveSizeNoise(raw);
        if (out.collectorOpen() && !line.isEmpty() && line.charAt(0) == ' ') {
            // -XX:+PrintHeapAtGC and the heap at exit name the generations, and so the collector
            out.inferCollector(PauseNames.collectorFromHeapPrintout(line), true);
        }
        if (open != null) {
            if (EVENT_START.matcher(line).matches() && !remarkInProgress()) {
                abandon("a new collection starts before the previous one was complete");
            } else if (isNoise(line)) {
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
        if (isNoise(line) || header(line)) {
            return;
        }
        int bracket = line.indexOf('[');
        if (bracket < 0) {
            plainLine(number, line);
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
                        plainLine(number, line);
                    }
                    return;
                }
                String prefix = line.substring(pos, bracket);
                open = new StringBuilder(128);
                openTime = prefixTime(prefix);
                openFirstLine = number;
                openLines = 1;
                depth = 0;
                out.seen(openTime);
                advance(openTime);
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
        Group root = Group.parse(text);
        if (root == null || !event(root, time, true)) {
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
        Group root = Group.parse(text + "]".repeat(unclosed));
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
    private void salvage(List<Group> groups, LogTime time, int depth) {
        if (depth > 8) {
            return;
        }
        for (Group child : groups) {
            String c = child.own.toString().strip();
            LogTime at = child.time.isKnown() ? child.time : time;
            if (c.startsWith("GC concurrent-") || c.startsWith("CMS-concurrent-")) {
                event(child, at, false);
                continue;
            }
            if ((c.startsWith("GC") || c.startsWith("Full GC")) && at.isKnown() && !Double.isNaN(lastDuration(c))) {
                pause(child, c, at);
                continue;
            }
            String generation = generation(c);
            if (generation != null) {
                inferCollector(generation);
            }
            salvage(child.children, at, depth + 1);
        }
    }

    /**
     * Interprets a group as an event.
     *
     * @return false when it is not a group this parser knows
     */
    private boolean event(Group g, LogTime time, boolean topLevel) {
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
        if (trimmed.startsWith("Times:") || trimmed.startsWith("Metaspace:") || isG1Detail(trimmed)) {
            return true;
        }
        // timed sub-steps written beside a collection: "[Preclean SoftReferences, 0.0000050 secs]",
        // "[SoftReference, 22 refs, 0.0000340 secs]"
        if (TIMED_STEP.matcher(trimmed).matches()) {
            return true;
        }
        // labelled details after a pause: G1's "[Parallel Other: 0.6 ms]", string deduplication's "[Known: 2(0.3%)]"
        return DETAIL_LABEL.matcher(trimmed).matches();
    }

    private void pause(Group g, String own, LogTime time) {
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
        for (Group child : g.children) {
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
    private void advance(LogTime time) {
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
    private void concurrentPhase(Group g, String own, LogTime time) {
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
        for (Group child : g.children) {
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
        body = UnifiedLogParser.stripHeapTransition(body, heap);
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
        long[] v = UnifiedLogParser.transition(token, 0);
        if (v != null) {
            LogRecords.Pause p = lastPause;
            lastPause = new LogRecords.Pause(p.gcId(), p.start(), p.seconds(), p.kind(), p.name(), p.cause(), v[0],
                    v[1], v[2], p.flags());
            out.pauses.set(lastPauseIndex, lastPause);
        }
    }

    /** A line without brackets: stopped time, application time, interjections; anything else is skipped. */
    private void plainLine(long number, String line) {
        int stopped = line.indexOf("Total time for which application threads were stopped: ");
        if (stopped >= 0) {
            LogTime time = prefixTime(line.substring(0, stopped));
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
            LogTime time = prefixTime(line.substring(0, application));
            out.seen(time);
            advance(time);
            return;
        }
        if (isShenandoahInfo(line.strip())) {
            out.setCollectorIfUnknown("Shenandoah"); // the backport's informational lines between its pauses
            return;
        }
        if (Character.isWhitespace(line.charAt(0)) && lastPause != null || "Shenandoah".equals(out.collector)) {
            return; // indented detail lines of G1; the Shenandoah backport's informational lines
        }
        out.skip(number, line);
    }

    /** What the JDK 8 Shenandoah backport writes between its pauses and phases (triggers, pacing, free space). */
    private static boolean isShenandoahInfo(String s) {
        return s.startsWith("Cancelling GC: ") || s.startsWith("Bad progress for ") || s.startsWith("Good progress for ")
                || s.startsWith("Failed to allocate ") || s.startsWith("Adaptive CSet Selection")
                || s.startsWith("Collectable Garbage: ") || s.startsWith("Pacer for ") || s.startsWith("Free headroom: ")
                || s.startsWith("Free: ") && s.contains("regions") || s.startsWith("Trigger: ")
                || s.startsWith("Evacuation Reserve: ") || s.startsWith("Immediate Garbage: ")
                || s.startsWith("Using ") && s.contains(" workers for ");
    }

    /** Facts the JVM prints at the top of the log. */
    private boolean header(String line) {
        if (line.startsWith("CommandLine flags: ")) {
            out.commandLine = line.substring("CommandLine flags: ".length()).strip();
            for (String flag : out.commandLine.split("\\s+")) {
                if (flag.startsWith("-XX:MaxHeapSize=")) {
                    out.maxHeapBytes = parseLongOr(flag.substring(16), -1);
                } else if (flag.startsWith("-XX:InitialHeapSize=")) {
                    out.initialHeapBytes = parseLongOr(flag.substring(20), -1);
                } else if (flag.equals("-XX:+UseG1GC")) {
                    out.collector = "G1";
                } else if (flag.equals("-XX:+UseConcMarkSweepGC")) {
                    out.collector = "CMS";
                } else if (flag.equals("-XX:+UseParallelGC") || flag.equals("-XX:+UseParallelOldGC")) {
                    out.collector = "Parallel";
                } else if (flag.equals("-XX:+UseSerialGC")) {
                    out.collector = "Serial";
                } else if (flag.equals("-XX:+UseShenandoahGC")) {
                    out.collector = "Shenandoah";
                }
            }
            return true;
        }
        if ((line.startsWith("OpenJDK") || line.startsWith("Java HotSpot")) && line.contains(" VM (")) {
            int jre = line.indexOf("JRE (");
            if (jre > 0) {
                int close = line.indexOf(')', jre);
                if (close > jre) {
                    out.jvmVersion = line.substring(jre + 5, close);
                }
            }
            return true;
        }
        if (line.startsWith("Memory: ") && line.contains("physical ")) {
            int from = line.indexOf("physical ") + 9;
            int to = line.indexOf('(', from);
            long kb = LogValues.size(line, from, to < 0 ? line.length() : to);
            if (kb > 0) {
                out.physicalMemoryBytes = kb;
            }
            return true;
        }
        return false;
    }

    /**
     * A line of a class histogram (-XX:+PrintClassHistogramBeforeFullGC/AfterFullGC, or jmap/kill -3 output in the
     * same file): the header, a row ("   1:   2050241   4701812112  [Ljava.lang.Object;") or the total. Its class
     * names hold brackets, which must not count as the log's.
     */
    static boolean isHistogramLine(String s) {
        if (s.startsWith("num ") && s.contains("#instances")) {
            return true;
        }
        int n = s.length();
        int i = 0;
        if (s.startsWith("Total ")) {
            i = 6;
            int numbers = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (i == 0 || s.charAt(i - 1) == ' ') {
                        numbers++;
                    }
                } else if (c != ' ') {
                    return false;
                }
                i++;
            }
            return numbers == 2;
        }
        // row: digits ':' spaces digits spaces digits spaces name
        int d = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            d++;
        }
        if (d == 0 || i >= n || s.charAt(i) != ':') {
            return false;
        }
        i++;
        for (int field = 0; field < 2; field++) {
            int spaces = 0;
            while (i < n && s.charAt(i) == ' ') {
                i++;
                spaces++;
            }
            int digits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
            if (spaces == 0 || digits == 0) {
                return false;
            }
        }
        return i < n && s.charAt(i) == ' ';
    }

    /** Output that comes with GC logging but is not a collection: tenuring, heap printouts, FLS statistics, ... */
    private static boolean isNoise(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return false;
        }
        return isHistogramLine(s) || s.startsWith("Desired survivor size") || s.startsWith("- age ") || s.startsWith("{Heap before GC")
                || s.startsWith("Heap after GC") || s.equals("}") || s.equals("Heap") || s.contains("[0x")
                || s.startsWith("Statistics for BinaryTreeDictionary") || s.startsWith("----")
                || s.startsWith("Total Free Space:") || s.startsWith("Max   Chunk Size:")
                || s.startsWith("Number of Blocks:") || s.startsWith("Av.  Block  Size:")
                || s.startsWith("Tree      Height:") || s.startsWith("Statistics for IndexedFreeLists")
                || s.startsWith("Before GC:") || s.startsWith("After GC:") || s.startsWith("CMS: Large ")
                || s.startsWith("CMS: promotion failed") || s.startsWith("Metaspace ") && s.contains("used")
                || s.startsWith("class space") || s.startsWith("the space") || s.startsWith("eden space")
                || s.startsWith("from space") || s.startsWith("to   space") || s.startsWith("object space")
                || s.startsWith("region size") || s.startsWith("garbage-first heap") || s.startsWith("ro space")
                || s.startsWith("rw space") || s.startsWith("No shared spaces") || s.startsWith("GC locker:")
                || s.contains("GC log file ") || s.startsWith("Java HotSpot") && !s.contains("VM (")
                || s.startsWith("Memory: ") && !s.contains("physical");
    }

    private static boolean isG1Detail(String s) {
        return s.startsWith("Parallel Time") || s.startsWith("GC Worker") || s.startsWith("Ext Root")
                || s.startsWith("Update RS") || s.startsWith("Scan RS") || s.startsWith("Object Copy")
                || s.startsWith("Termination") || s.startsWith("Code Root") || s.startsWith("Clear CT")
                || s.startsWith("Other") || s.startsWith("Choose CSet") || s.startsWith("Ref Proc")
                || s.startsWith("Ref Enq") || s.startsWith("Free CSet") || s.startsWith("Processed Buffers")
                || s.startsWith("Mark Stack") || s.startsWith("SATB") || s.startsWith("Redirty")
                || s.startsWith("Humongous") || s.startsWith("Expand Heap") || s.startsWith("String Dedup")
                || s.startsWith("Queue Fixup") || s.startsWith("Table Fixup") || s.startsWith("Evacuation Failure")
                || s.startsWith("G1Ergonomics") || s.startsWith("Scan ") || s.startsWith("Code ")
                || s.startsWith("Unloading") || s.startsWith("Inspected") || s.startsWith("Skipped")
                || s.startsWith("Deduplicated") || s.startsWith("Young") || s.startsWith("Old")
                || s.startsWith("Last Exec") || s.startsWith("Total Exec") || s.startsWith("Table")
                || s.startsWith("Memory Usage") || s.startsWith("Size:") || s.startsWith("Resize")
                || s.startsWith("Rehash") || s.startsWith("Hash") || s.startsWith("Age ") || s.startsWith("Entries");
    }

    /** -XX:+PrintAdaptiveSizePolicy writes into the middle of a collection; everything from it to the line end goes. */
    private static String withoutAdaptiveSizeNoise(String line) {
        int i = line.indexOf("AdaptiveSize");
        if (i < 0) {
            return line;
        }
        return line.substring(0, i);
    }

    /** The time stamps in front of a bracket: "2014-04-09T15:27:23.456+0200: 0.304: " (either may be missing). */
    static LogTime prefixTime(String prefix) {
        if (prefix.isEmpty()) {
            return LogTime.UNKNOWN;
        }
        double uptime = Double.NaN;
        Instant wall = null;
        int n = prefix.length();
        int i = 0;
        while (i < n) {
            char c = prefix.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            // a run of digits: a date stamp "yyyy-MM-ddTHH:mm:ss.SSS+zzzz: " or an uptime "123.456: "
            if (i + 28 <= n && prefix.charAt(i + 4) == '-' && prefix.charAt(i + 10) == 'T' && (i == 0
                    || !Character.isDigit(prefix.charAt(i - 1)))) {
                Instant parsed = parseDate(prefix, i);
                if (parsed != null) {
                    wall = parsed;
                    i += 28;
                    continue;
                }
            }
            int j = i;
            boolean separator = false;
            while (j < n && (Character.isDigit(prefix.charAt(j)) || !separator && (prefix.charAt(j) == '.'
                    || prefix.charAt(j) == ','))) {
                if (!Character.isDigit(prefix.charAt(j))) {
                    separator = true;
                }
                j++;
            }
            boolean precededByDigitOrSeparator = i > 0 && (Character.isDigit(prefix.charAt(i - 1))
                    || prefix.charAt(i - 1) == '.' || prefix.charAt(i - 1) == ',');
            if (separator && j + 1 < n + 1 && j < n && prefix.charAt(j) == ':' && !precededByDigitOrSeparator
                    && (j + 1 == n || prefix.charAt(j + 1) == ' ' || prefix.charAt(j + 1) == '[')) {
                uptime = LogValues.number(prefix, i, j);
            }
            i = j;
        }
        return new LogTime(uptime, wall);
    }

    /** "2014-04-09T15:27:23.456+0200" at {@code from}; null when it is not one. */
    private static Instant parseDate(String s, int from) {
        try {
            int year = digits(s, from, 4);
            int month = digits(s, from + 5, 2);
            int day = digits(s, from + 8, 2);
            int hour = digits(s, from + 11, 2);
            int minute = digits(s, from + 14, 2);
            int second = digits(s, from + 17, 2);
            int millis = digits(s, from + 20, 3);
            char sign = s.charAt(from + 23);
            int offsetHours = digits(s, from + 24, 2);
            int offsetMinutes = digits(s, from + 26, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || millis < 0
                    || offsetHours < 0 || offsetMinutes < 0 || sign != '+' && sign != '-') {
                return null;
            }
            int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The words naming a pause: everything before the first digit outside parentheses. */
    static String leadingName(String own) {
        int depthParen = 0;
        int end = own.length();
        for (int i = 0; i < own.length(); i++) {
            char c = own.charAt(i);
            if (c == '(') {
                depthParen++;
            } else if (c == ')') {
                depthParen--;
            } else if (depthParen == 0 && (Character.isDigit(c) || c == ',' || c == '[')) {
                end = i;
                break;
            }
        }
        String name = own.substring(0, end).strip();
        int invoke = name.indexOf(" invoke");
        if (invoke > 0) {
            name = name.substring(0, invoke);
        }
        while (!name.isEmpty() && ":,".indexOf(name.charAt(name.length() - 1)) >= 0) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name;
    }

    /** The last "N secs", "N sec" or "N ms" in the text, in seconds; NaN when there is none. */
    static double lastDuration(String own) {
        int best = -1;
        double scale = 1;
        String[] units = {" secs", " sec", " ms"};
        double[] scales = {1, 1, 1e-3};
        for (int k = 0; k < units.length; k++) {
            int i = own.lastIndexOf(units[k]);
            if (i > best) {
                int after = i + units[k].length();
                if (after == own.length() || !Character.isLetter(own.charAt(after))) {
                    best = i;
                    scale = scales[k];
                }
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        int start = best;
        while (start > 0 && (Character.isDigit(own.charAt(start - 1)) || own.charAt(start - 1) == '.'
                || own.charAt(start - 1) == ',' && start - 2 >= 0 && Character.isDigit(own.charAt(start - 2)))) {
            start--;
        }
        return LogValues.number(own, start, best) * scale;
    }

    private static double firstNumberAfter(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        return LogValues.number(s, i, j);
    }

    /**
     * The heap figures of a pause's own text: the first "before->after(committed)" (the whole heap comes before
     * per-space figures in 1.3-style lines), else the last transition, else a CMS "used(committed)" pair.
     */
    static long[] heapOf(String own) {
        long[] result = {-1, -1, -1};
        long[] last = null;
        long[] usedOnly = null;
        for (String raw : tokens(own)) {
            String token = stripTrailing(raw, ",]");
            if (token.isEmpty() || !Character.isDigit(token.charAt(0))) {
                continue;
            }
            if (token.contains("->")) {
                long[] v = UnifiedLogParser.transition(token, 0);
                if (v != null) {
                    if (v[2] >= 0) {
                        return v;
                    }
                    last = v;
                }
            } else if (token.endsWith(")") && token.indexOf('(') > 0) {
                int p = token.indexOf('(');
                long used = LogValues.size(token, 0, p);
                long committed = LogValues.size(token, p + 1, token.length() - 1);
                if (used >= 0 && committed >= 0) {
                    usedOnly = new long[]{used, used, committed};
                }
            }
        }
        if (last != null) {
            return last;
        }
        return usedOnly != null ? usedOnly : result;
    }

    private static long[] firstTransition(String text) {
        for (String raw : tokens(text)) {
            String token = stripTrailing(raw, ",]");
            if (!token.isEmpty() && Character.isDigit(token.charAt(0)) && token.contains("->")) {
                long[] v = UnifiedLogParser.transition(token, 0);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The words of a text that start with a digit and hold "->" or "(": the only ones heap figures can be. */
    private static List<String> tokens(String text) {
        List<String> result = new ArrayList<>(4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            boolean interesting = false;
            while (i < n && text.charAt(i) != ' ' && text.charAt(i) != ',' && text.charAt(i) != '\t') {
                char c = text.charAt(i);
                if (c == '>' || c == '(') {
                    interesting = true;
                }
                i++;
            }
            if (i > start && interesting && Character.isDigit(text.charAt(start))) {
                result.add(text.substring(start, i));
            }
        }
        return result;
    }

    private static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Generation names, longer ones before their prefixes ("CMS Perm" before "CMS"). */
    private static final String[] GENERATIONS = {"PSYoungGen", "PSOldGen", "ParOldGen", "PSPermGen", "ASParNew",
            "ParNew", "DefNew", "Tenured", "ASCMS", "CMS Perm", "CMS", "Perm", "Metaspace", "class space"};

    /**
     * The generation a detail group names ("DefNew", "PSYoungGen", "CMS", "Tenured", ...), or null. Other output
     * may be written right after the name, on the same line or the next: a time stamp ("[ParNew46674.749: [CMS-..."),
     * "bailing out to foreground collection", "(promotion failed)", or the colon of its figures.
     */
    private static String generation(String detail) {
        for (String name : GENERATIONS) {
            if (detail.startsWith(name)) {
                int after = name.length();
                if (after == detail.length()) {
                    return name;
                }
                char c = detail.charAt(after);
                if (c == ':' || c == ' ' || c == '(' || c >= '0' && c <= '9' || detail.startsWith("bailing", after)) {
                    return detail.indexOf(':', after) >= 0 || detail.indexOf("->", after) >= 0 ? name : null;
                }
                return null;
            }
        }
        return null;
    }

    private static boolean isYoung(String generation) {
        return switch (generation) {
            case "DefNew", "ParNew", "ASParNew", "PSYoungGen" -> true;
            default -> false;
        };
    }

    private static boolean isOld(String generation) {
        return switch (generation) {
            case "Tenured", "CMS", "ASCMS", "PSOldGen", "ParOldGen" -> true;
            default -> false;
        };
    }

    private void inferCollector(String generation) {
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

    private static long parseLongOr(String s, long fallback) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A bracketed group: its own text (children removed) and its children, each with the time stamped before it. */
    static final class Group {
        final StringBuilder own = new StringBuilder();
        final List<Group> children = new ArrayList<>();
        LogTime time = LogTime.UNKNOWN;

        /** Parses text that starts with '[' and whose brackets balance; null when it does not start with '['. */
        static Group parse(String text) {
            if (text.isEmpty() || text.charAt(0) != '[') {
                return null;
            }
            List<Group> stack = new ArrayList<>();
            Group root = null;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c != '[' && c != ']') {
                    // the run of plain text up to the next bracket, in one append
                    int j = i + 1;
                    while (j < n && text.charAt(j) != '[' && text.charAt(j) != ']') {
                        j++;
                    }
                    if (!stack.isEmpty()) {
                        stack.getLast().own.append(text, i, j);
                    }
                    i = j - 1;
                    continue;
                }
                if (c == '[') {
                    Group g = new Group();
                    if (!stack.isEmpty()) {
                        Group parent = stack.getLast();
                        g.time = prefixTime(tail(parent.own));
                        parent.children.add(g);
                    } else {
                        root = g;
                    }
                    stack.add(g);
                } else if (c == ']') {
                    stack.removeLast();
                    if (stack.isEmpty()) {
                        break;
                    }
                }
            }
            return root;
        }

        private static String tail(StringBuilder own) {
            int from = Math.max(0, own.length() - 48);
            return own.substring(from);
        }
    }
}
