package io.flightdeck.ingest.gclog;

import io.flightdeck.model.GcKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a pause's words into name, cause and flags, and says what kind of pause it was. Shared by the unified
 * and the legacy parser.
 */
final class PauseNames {
    /** Parenthesised words that qualify a pause rather than give its cause. */
    private static final Set<String> QUALIFIERS = Set.of("normal", "concurrent start", "prepare mixed", "mixed",
            "young", "unload classes", "process weakrefs", "update refs", "mark", "outside of cycle", "evacuation",
            "roots", "major", "minor", "initial-mark", "partial", "old", "update refs (unload classes)");

    private PauseNames() {
    }

    /** A pause description split into its parts. */
    record Parts(String name, String cause, String flags) {
    }

    /**
     * Splits "Pause Young (Normal) (G1 Evacuation Pause)" into name "Pause Young (Normal)" and cause
     * "G1 Evacuation Pause"; "Pause Full (System.gc())" into "Pause Full" and "System.gc()". Conditions such as
     * "(to-space exhausted)" or "(Evacuation Failure)" become flags.
     */
    static Parts split(String text) {
        String s = text.strip();
        int open = s.indexOf('(');
        String head = (open < 0 ? s : s.substring(0, open)).strip();
        StringBuilder name = new StringBuilder(head);
        List<String> causes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        int i = open;
        while (i >= 0 && i < s.length()) {
            if (s.charAt(i) != '(') {
                i++;
                continue;
            }
            int depth = 0;
            int j = i;
            for (; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            String group = s.substring(i + 1, Math.min(j, s.length())).strip();
            String lower = group.toLowerCase(Locale.ROOT);
            if (QUALIFIERS.contains(lower)) {
                name.append(" (").append(group).append(')');
            } else if (isCondition(lower)) {
                flags.add(group);
            } else if (!group.isEmpty()) {
                causes.add(group);
            }
            i = j + 1;
        }
        String cause = causes.isEmpty() ? "" : causes.getLast();
        for (int k = 0; k < causes.size() - 1; k++) {
            flags.add(causes.get(k));
        }
        return new Parts(name.toString(), cause, String.join(", ", flags));
    }

    private static boolean isCondition(String lower) {
        return lower.startsWith("to-space") || lower.startsWith("evacuation failure")
                || lower.contains("concurrent mode failure") || lower.contains("promotion failed")
                || lower.contains("concurrent mode interrupted");
    }

    /**
     * The kind of a pause from its name, for unified names ("Pause Young", "Pause Remark", "Pause Mark Start") and
     * legacy ones ("GC pause (young)", "GC remark", "Full GC").
     *
     * @param collector the collector when known ("G1", "CMS", ...), else null
     */
    static GcKind kind(String name, String collector) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("pause ")) {
            n = n.substring(6);
        } else if (n.startsWith("gc pause")) {
            // legacy G1: "GC pause (young)", "GC pause (G1 Evacuation Pause) (mixed)"
            return n.contains("(mixed)") || n.contains("(partial)") ? GcKind.MIXED : GcKind.YOUNG;
        } else if (n.startsWith("gc remark")) {
            return GcKind.REMARK;
        } else if (n.startsWith("gc cleanup")) {
            return GcKind.CLEANUP;
        } else if (n.startsWith("full gc") || n.startsWith("full")) {
            return GcKind.FULL;
        }
        if (n.startsWith("young")) {
            return n.contains("(mixed)") ? GcKind.MIXED : GcKind.YOUNG;
        }
        if (n.startsWith("mixed")) {
            return GcKind.MIXED;
        }
        if (n.startsWith("full")) {
            return GcKind.FULL;
        }
        if (n.startsWith("initial mark")) {
            return "G1".equals(collector) ? GcKind.YOUNG : GcKind.INITIAL_MARK;
        }
        if (n.startsWith("remark")) {
            return GcKind.REMARK;
        }
        if (n.startsWith("cleanup")) {
            return GcKind.CLEANUP;
        }
        if (n.startsWith("degenerated")) {
            return GcKind.DEGENERATED;
        }
        if (n.startsWith("init ") || n.startsWith("final ") || n.startsWith("mark ") || n.startsWith("relocate ")) {
            return GcKind.CONCURRENT_CYCLE_PAUSE;
        }
        return GcKind.OTHER;
    }

    /** The collector's name as the CLI prints it, from the words after "Using " in a unified log. */
    static String collectorFromUsing(String using) {
        String u = using.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("g1")) {
            return "G1";
        }
        if (lower.startsWith("parallel")) {
            return "Parallel";
        }
        if (lower.startsWith("serial")) {
            return "Serial";
        }
        if (lower.contains("z garbage collector") || lower.equals("zgc")) {
            return "ZGC";
        }
        if (lower.startsWith("shenandoah")) {
            return "Shenandoah";
        }
        if (lower.startsWith("concurrent mark sweep")) {
            return "CMS";
        }
        if (lower.startsWith("epsilon")) {
            return "Epsilon";
        }
        return null;
    }

    /**
     * Messages that only one collector writes (unified logging, after the GC id): phases, per-generation heap lines,
     * summaries. Searched only while a log's collector is not known.
     */
    private static final String[][] MESSAGE_CLUES = {
            {"G1", "Pre Evacuate Collection Set", "Evacuate Collection Set", "Post Evacuate Collection Set",
                    "Merge Heap Roots", "Eden regions:", "Survivor regions:", "Old regions:", "Humongous regions:",
                    "Archive regions:", "Phase 2: Prepare for compaction", "Phase 2: Prepare compaction",
                    "Phase 4: Compact heap", "Concurrent Mark Cycle", "Concurrent Undo Cycle",
                    "Concurrent Scan Root Regions", "Concurrent Rebuild Remembered Sets", "Concurrent Clear Claimed Marks",
                    "Concurrent Mark From Roots", "Concurrent Cleanup for Next Mark", "Concurrent Create Live Data",
                    "Concurrent Complete Cleanup", "To-space exhausted"},
            {"Parallel", "PSYoungGen:", "ParOldGen:", "PSOldGen:", "Marking Phase", "Summary Phase", "Adjust Roots",
                    "Compaction Phase", "Post Compact"},
            {"Serial", "DefNew:", "Tenured:"},
            {"CMS", "ParNew:", "CMS:", "Concurrent Sweep", "Concurrent Abortable Preclean", "Concurrent Preclean"},
            {"ZGC", "Pause Mark Start", "Pause Mark End", "Pause Relocate Start", "Concurrent Mark Free",
                    "Concurrent Mark Continue", "Concurrent Process Non-Strong", "Concurrent Reset Relocation Set",
                    "Concurrent Select Relocation Set", "Concurrent Prepare Relocation Set", "Concurrent Relocate",
                    "Concurrent Remap", "Garbage Collection (", "Major Collection (", "Minor Collection (",
                    "Allocation Stall (", "Relocation Stall ("},
            {"Shenandoah", "Pause Init Mark", "Pause Final Mark", "Pause Init Update Refs", "Pause Final Update Refs",
                    "Pause Degenerated GC", "Pause Final Roots", "Concurrent marking", "Concurrent evacuation",
                    "Concurrent update references", "Concurrent reset", "Concurrent cleanup", "Concurrent weak roots",
                    "Concurrent strong roots", "Concurrent class unloading", "Concurrent weak references",
                    "Concurrent thread roots", "Concurrent uncommit", "Pacer for ", "Cancelling GC: "},
    };

    /** The collector a unified message names (see {@link #MESSAGE_CLUES}), or null. */
    static String collectorFromMessage(String message) {
        for (String[] clues : MESSAGE_CLUES) {
            for (int i = 1; i < clues.length; i++) {
                if (message.startsWith(clues[i])) {
                    return clues[0];
                }
            }
        }
        return null;
    }

    /**
     * The collector a safepoint operation belongs to ("G1CollectForAllocation", "ParallelGCFailedAllocation",
     * "CMS_Final_Remark", "ShenandoahInitMark", "ZMarkStart"); "GenCollect..." is Serial's or CMS's, so only a guess
     * (see {@link #isSharedOperation}). Null for operations of no collector.
     */
    static String collectorFromOperation(String op) {
        if (op.startsWith("G1") || op.equals("CGC_Operation")) {
            return "G1"; // CGC_Operation: G1's concurrent-cycle pauses (remark, cleanup) in JDK 9-16
        }
        if (op.startsWith("ParallelGC")) {
            return "Parallel";
        }
        if (op.startsWith("CMS_")) {
            return "CMS";
        }
        if (op.startsWith("Shenandoah")) {
            return "Shenandoah";
        }
        if (op.length() > 1 && op.charAt(0) == 'Z' && Character.isUpperCase(op.charAt(1))) {
            return "ZGC";
        }
        if (op.startsWith("GenCollect")) {
            return "Serial";
        }
        return null;
    }

    /** True for safepoint operations two collectors share (Serial's and CMS's "GenCollect..."). */
    static boolean isSharedOperation(String op) {
        return op.startsWith("GenCollect");
    }

    /**
     * The collector that a JDK 8 heap printout names (-XX:+PrintHeapAtGC, the heap at exit): "par new generation",
     * "concurrent mark-sweep generation", "PSYoungGen", "def new generation", "garbage-first heap", ...; or null.
     */
    static String collectorFromHeapPrintout(String line) {
        String s = line.strip();
        if (s.startsWith("par new generation") || s.startsWith("concurrent mark-sweep generation")
                || s.startsWith("concurrent-mark-sweep perm gen")) {
            return "CMS";
        }
        if (s.startsWith("PSYoungGen") || s.startsWith("ParOldGen") || s.startsWith("PSOldGen")
                || s.startsWith("PSPermGen")) {
            return "Parallel";
        }
        if (s.startsWith("def new generation") || s.startsWith("tenured generation")) {
            return "Serial";
        }
        if (s.startsWith("garbage-first heap")) {
            return "G1";
        }
        if (s.startsWith("Shenandoah Heap")) {
            return "Shenandoah";
        }
        return null;
    }

    /** The collector a pause's name or cause gives away, for logs without their "Using ..." line; or null. */
    static String collectorFromPause(String name, String cause) {
        String c = cause.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (c.startsWith("g1 ") || n.startsWith("pause young (normal)") || n.startsWith("pause young (concurrent start)")
                || n.startsWith("pause young (prepare mixed)") || n.startsWith("pause young (mixed)")
                || n.startsWith("pause mixed") || n.startsWith("pause cleanup")) {
            return "G1";
        }
        if (n.startsWith("pause mark start") || n.startsWith("pause mark end") || n.startsWith("pause relocate start")) {
            return "ZGC";
        }
        if (n.startsWith("pause init mark") || n.startsWith("pause final mark") || n.startsWith("pause init update")
                || n.startsWith("pause final update") || n.startsWith("pause degenerated")
                || n.startsWith("pause final roots")) {
            return "Shenandoah";
        }
        return null;
    }
}
