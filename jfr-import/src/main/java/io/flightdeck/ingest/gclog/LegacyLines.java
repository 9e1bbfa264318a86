package io.flightdeck.ingest.gclog;

import java.util.regex.Pattern;

/**
 * Tells the kinds of lines and bracketed details a legacy GC log holds beside its collections: the header's facts,
 * output that comes with GC logging but is not a collection (tenuring, heap printouts, class histograms, FLS
 * statistics) and the details written inside or after a pause.
 */
final class LegacyLines {
    private static final Pattern TIMED_STEP = Pattern.compile("[A-Za-z][A-Za-z /()-]*(, \\d+ refs)?, [\\d.,]+ secs");
    private static final Pattern DETAIL_LABEL = Pattern.compile("[A-Za-z][A-Za-z /()-]*(:.*)?");

    private LegacyLines() {
    }

    /**
     * A detail written beside a collection that carries nothing Flightdeck keeps: G1's "[Times: ...]",
     * "[Metaspace: ...]" and phase timings, timed sub-steps ("[Preclean SoftReferences, 0.0000050 secs]",
     * "[SoftReference, 22 refs, 0.0000340 secs]") and labelled details ("[Parallel Other: 0.6 ms]", string
     * deduplication's "[Known: 2(0.3%)]").
     */
    static boolean isPauseDetail(String trimmed) {
        return trimmed.startsWith("Times:") || trimmed.startsWith("Metaspace:") || isG1Detail(trimmed)
                || TIMED_STEP.matcher(trimmed).matches() || DETAIL_LABEL.matcher(trimmed).matches();
    }

    /** Facts the JVM prints at the top of the log. */
    static boolean header(String line, GcLogContent out) {
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
    static boolean isNoise(String line) {
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
    static String withoutAdaptiveSizeNoise(String line) {
        int i = line.indexOf("AdaptiveSize");
        if (i < 0) {
            return line;
        }
        return line.substring(0, i);
    }
    /** What the JDK 8 Shenandoah backport writes between its pauses and phases (triggers, pacing, free space). */
    static boolean isShenandoahInfo(String s) {
        return s.startsWith("Cancelling GC: ") || s.startsWith("Bad progress for ") || s.startsWith("Good progress for ")
                || s.startsWith("Failed to allocate ") || s.startsWith("Adaptive CSet Selection")
                || s.startsWith("Collectable Garbage: ") || s.startsWith("Pacer for ") || s.startsWith("Free headroom: ")
                || s.startsWith("Free: ") && s.contains("regions") || s.startsWith("Trigger: ")
                || s.startsWith("Evacuation Reserve: ") || s.startsWith("Immediate Garbage: ")
                || s.startsWith("Using ") && s.contains(" workers for ");
    }

    private static long parseLongOr(String s, long fallback) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
