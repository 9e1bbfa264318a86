package io.flightdeck.analysis.compare;

import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SourceKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Can two runs be compared? Differences in the JVM, the collector, the heap, the machine, the duration, the event
 * settings or the amount of data are listed as warnings (the numbers still mean something, with care). Two
 * different applications cannot be compared: the verdict is then {@code not-comparable}.
 */
final class Comparability {
    /** Fewer CPU samples than this on a side make CPU shares uncertain. */
    static final int FEW_CPU_SAMPLES = 200;
    /** Settings whose difference changes what the numbers count. */
    private static final List<String> SETTINGS = List.of("jdk.ExecutionSample#period",
            "jdk.ObjectAllocationSample#throttle", "jdk.JavaMonitorEnter#threshold", "jdk.ThreadPark#threshold",
            "jdk.SocketRead#threshold", "jdk.SocketWrite#threshold", "jdk.FileRead#threshold",
            "jdk.FileWrite#threshold", "jdk.JavaExceptionThrow#enabled", "jdk.ObjectAllocationInNewTLAB#enabled",
            "jdk.OldObjectSample#enabled");

    record Result(boolean comparable, List<String> warnings) {
    }

    private Comparability() {
    }

    static Result check(SideMetrics b, SideMetrics c) {
        Profile pb = b.selection().profile();
        Profile pc = c.selection().profile();
        RecordingInfo ib = pb.info();
        RecordingInfo ic = pc.info();
        List<String> warnings = new ArrayList<>();
        boolean comparable = true;

        String appB = application(ib);
        String appC = application(ic);
        if (appB != null && appC != null && !appB.equals(appC)) {
            comparable = false;
            warnings.add("Different applications: the baseline runs " + appB + ", the candidate " + appC
                    + "; their numbers do not measure the same work.");
        }
        Set<SourceKind> kb = kinds(pb);
        Set<SourceKind> kc = kinds(pc);
        if (!kb.equals(kc)) {
            warnings.add("Different inputs: the baseline has " + describe(kb) + ", the candidate " + describe(kc)
                    + "; only what both have is compared.");
        }
        if (ib.javaFeatureVersion().isPresent() && ic.javaFeatureVersion().isPresent()
                && ib.javaFeatureVersion().getAsInt() != ic.javaFeatureVersion().getAsInt()) {
            warnings.add("Different Java versions: " + ib.javaVersion().orElse("?") + " and "
                    + ic.javaVersion().orElse("?") + "; JIT, GC and JFR defaults differ, so a change may come from "
                    + "the JVM rather than the code.");
        } else if (ib.javaVersion().isPresent() && ic.javaVersion().isPresent()
                && !ib.javaVersion().get().equals(ic.javaVersion().get())) {
            warnings.add("Different JVM builds: " + ib.javaVersion().get() + " and " + ic.javaVersion().get() + ".");
        }
        if (ib.gc().isPresent() && ic.gc().isPresent() && !ib.gc().get().equals(ic.gc().get())) {
            warnings.add("Different collectors: " + ib.gc().get() + " and " + ic.gc().get()
                    + "; GC pauses and throughput are not like for like.");
        }
        if (ib.maxHeapBytes().isPresent() && ic.maxHeapBytes().isPresent()
                && ib.maxHeapBytes().getAsLong() != ic.maxHeapBytes().getAsLong()) {
            warnings.add("Different maximum heap: " + mib(ib.maxHeapBytes().getAsLong()) + " and "
                    + mib(ic.maxHeapBytes().getAsLong()) + "; GC frequency and heap percentages shift with it.");
        }
        if (ib.cpuCount().isPresent() && ic.cpuCount().isPresent()
                && ib.cpuCount().getAsInt() != ic.cpuCount().getAsInt()) {
            warnings.add("Different machines: " + ib.cpuCount().getAsInt() + " and " + ic.cpuCount().getAsInt()
                    + " CPUs.");
        }
        Set<String> flags = flagDifferences(ib.jvmArguments().orElse(null), ic.jvmArguments().orElse(null));
        if (!flags.isEmpty()) {
            warnings.add("Different JVM options: " + String.join(", ", flags) + ".");
        }
        double db = b.durationSeconds();
        double dc = c.durationSeconds();
        if (db > 0 && dc > 0 && Math.max(db, dc) / Math.min(db, dc) > 3) {
            warnings.add(String.format(Locale.ROOT, "Very different durations: %.1f s and %.1f s; a short run may "
                    + "miss warm-up or periodic work the long one has.", db, dc));
        }
        List<String> settings = new ArrayList<>();
        for (String key : SETTINGS) {
            int hash = key.indexOf('#');
            String vb = setting(pb, key.substring(0, hash), key.substring(hash + 1));
            String vc = setting(pc, key.substring(0, hash), key.substring(hash + 1));
            if (vb != null && vc != null && !vb.equals(vc)) {
                settings.add(key.replace('#', ' ') + " " + vb + " vs " + vc);
            }
        }
        if (!settings.isEmpty()) {
            warnings.add("Different recording settings: " + String.join("; ", settings)
                    + "; counts and shares of these events are not like for like.");
        }
        if (kb.contains(SourceKind.JFR) && kc.contains(SourceKind.JFR)) {
            long sb = b.selection().profile().samples(SampleKind.CPU).size();
            long sc = c.selection().profile().samples(SampleKind.CPU).size();
            if (Math.min(sb, sc) < FEW_CPU_SAMPLES) {
                warnings.add("Few CPU samples (" + sb + " and " + sc + "): CPU shares are uncertain.");
            }
        }
        double mb = Math.max(0, b.report().cpu().machineTotalPercentAvg() - b.report().cpu().jvmUserPercentAvg()
                - b.report().cpu().jvmSystemPercentAvg());
        double mc = Math.max(0, c.report().cpu().machineTotalPercentAvg() - c.report().cpu().jvmUserPercentAvg()
                - c.report().cpu().jvmSystemPercentAvg());
        if (kb.contains(SourceKind.JFR) && kc.contains(SourceKind.JFR) && Math.abs(mb - mc) >= 25) {
            warnings.add(String.format(Locale.ROOT, "The host was busier in the %s: other processes used %.0f %% "
                    + "of the CPU against %.0f %%; timings may differ for that reason.", mb > mc ? "baseline"
                    : "candidate", Math.max(mb, mc), Math.min(mb, mc)));
        }
        return new Result(comparable, List.copyOf(warnings));
    }

    /** The main class or jar the JVM ran, without version numbers; null when unknown. */
    static String application(RecordingInfo info) {
        String args = info.javaArguments().orElse("").trim();
        if (args.isEmpty()) {
            return null;
        }
        String[] tokens = args.split("\\s+");
        String main = tokens[0];
        if ((main.equals("-jar") || main.equals("--module") || main.equals("-m")) && tokens.length > 1) {
            main = tokens[1];
        }
        int slash = Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\'));
        main = main.substring(slash + 1);
        if (main.endsWith(".jar")) {
            // app-1.4.2.jar and app-1.5.0-SNAPSHOT.jar are the same application
            main = main.substring(0, main.length() - 4).replaceAll("[-_.]?\\d[\\w.-]*$", "");
        }
        return main;
    }

    /** -X and -XX options that differ, ignoring recording and logging options and system properties. */
    static Set<String> flagDifferences(String a, String b) {
        if (a == null || b == null) {
            return Set.of();
        }
        Set<String> fa = flags(a);
        Set<String> fb = flags(b);
        Set<String> out = new TreeSet<>();
        for (String f : fa) {
            if (!fb.contains(f)) {
                out.add(f + " (baseline)");
            }
        }
        for (String f : fb) {
            if (!fa.contains(f)) {
                out.add(f + " (candidate)");
            }
        }
        return out;
    }

    private static Set<String> flags(String args) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : args.trim().split("\\s+")) {
            if (!t.startsWith("-X") || t.startsWith("-XX:StartFlightRecording") || t.startsWith("-Xlog")
                    || t.startsWith("-XX:FlightRecorderOptions") || t.startsWith("-Xloggc")
                    || t.startsWith("-XX:+PrintGC") || t.startsWith("-XX:HeapDumpPath")
                    || t.startsWith("-XX:ErrorFile")) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static String setting(Profile p, String event, String name) {
        Map<String, String> s = p.eventSettings().get(event);
        return s == null ? null : s.get(name);
    }

    private static Set<SourceKind> kinds(Profile p) {
        Set<SourceKind> out = new TreeSet<>();
        p.sources().forEach(s -> out.add(s.kind()));
        return out;
    }

    private static String describe(Set<SourceKind> kinds) {
        List<String> names = new ArrayList<>();
        for (SourceKind k : kinds) {
            names.add(switch (k) {
                case JFR -> "a recording";
                case GC_LOG -> "a GC log";
                case CLASS_HISTOGRAM -> "class histograms";
                default -> k.name().toLowerCase(Locale.ROOT);
            });
        }
        return String.join(" and ", names);
    }

    private static String mib(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
