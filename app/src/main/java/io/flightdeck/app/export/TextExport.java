package io.flightdeck.app.export;

import static io.flightdeck.analysis.format.Format.bytes;
import static io.flightdeck.analysis.format.Format.bytesPerSecond;
import static io.flightdeck.analysis.format.Format.count;
import static io.flightdeck.analysis.format.Format.percent;
import static io.flightdeck.analysis.format.Format.seconds;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.SummaryReport;
import io.flightdeck.analysis.rule.Finding;

import java.time.Instant;
import java.util.Map;

/** The human-readable report of {@code analyze --format text} and the text of {@code summary}. */
public final class TextExport {
    private static final int ROWS = 15;

    private TextExport() {
    }

    public static String render(AnalysisReport r) {
        StringBuilder out = new StringBuilder();
        AnalysisReport.Recording rec = r.recording();
        out.append("Flightdeck ").append(r.flightdeckVersion()).append(" analysis\n");
        for (AnalysisReport.Source s : r.sources()) {
            out.append("Source: ").append(TextTable.sanitize(s.path())).append(" (").append(s.format()).append(", ")
                    .append(bytes(s.sizeBytes())).append(")\n");
            for (String w : s.warnings()) {
                out.append("  warning: ").append(TextTable.sanitize(w)).append('\n');
            }
        }
        out.append("Recording: ").append(Format.instant(Instant.parse(rec.start()))).append(" to ")
                .append(Format.instant(Instant.parse(rec.end()))).append(" (").append(seconds(rec.durationSeconds()))
                .append(", ").append(rec.chunks()).append(rec.chunks() == 1 ? " chunk" : " chunks").append(")\n");
        AnalysisReport.Jvm jvm = rec.jvm();
        out.append("JVM: ").append(or(jvm.version())).append(", GC ").append(or(jvm.gc())).append(", max heap ")
                .append(jvm.maxHeapBytes() == null ? Format.MISSING : bytes(jvm.maxHeapBytes())).append(", ")
                .append(jvm.cpuCount() == null ? Format.MISSING : jvm.cpuCount()).append(" CPUs\n");
        AnalysisReport.SelectionInfo sel = r.selection();
        out.append("Selection: ").append(Format.instant(Instant.parse(sel.from()))).append(" to ")
                .append(Format.instant(Instant.parse(sel.to()))).append(" (").append(seconds(sel.durationSeconds()))
                .append("), ").append(sel.threadFilter() == null ? "all threads"
                        : "threads matching /" + TextTable.sanitize(sel.threadFilter()) + "/").append("\n");

        findings(out, r);
        cpu(out, r.cpu());
        allocation(out, r.allocation());
        locks(out, r.locks());
        io(out, r.io());
        exceptions(out, r.exceptions());
        threads(out, r.threads());
        gc(out, r.gc());
        histogram(out, r.histogram());
        return out.toString();
    }

    private static void findings(StringBuilder out, AnalysisReport r) {
        out.append("\nFINDINGS\n");
        if (r.findings().isEmpty()) {
            out.append("  none\n");
            return;
        }
        for (Finding f : r.findings()) {
            out.append("  [").append(f.severity().label()).append(' ').append(f.score()).append("] ")
                    .append(TextTable.sanitize(f.title())).append('\n');
            out.append("    ").append(TextTable.sanitize(f.summary())).append('\n');
            if (f.culprit() != null) {
                out.append("    culprit: ").append(TextTable.sanitize(
                        f.culprit().method() != null ? f.culprit().method() : String.valueOf(f.culprit().className())))
                        .append('\n');
            }
            out.append("    do: ").append(TextTable.sanitize(f.recommendation())).append('\n');
        }
    }

    private static void cpu(StringBuilder out, AnalysisReport.Cpu cpu) {
        out.append("\nCPU\n");
        out.append("  ").append(count(cpu.samples())).append(" execution samples; JVM ")
                .append(percent(cpu.jvmUserPercentAvg())).append(" user + ").append(percent(cpu.jvmSystemPercentAvg()))
                .append(" system on average (peak ").append(percent(cpu.jvmPercentPeak())).append("); machine ")
                .append(percent(cpu.machineTotalPercentAvg())).append(" (peak ")
                .append(percent(cpu.machineTotalPercentPeak())).append(")\n");
        TextTable t = new TextTable("hot method", "self", "self %", "total %").right(1, 2, 3);
        cpu.hotMethods().stream().limit(ROWS).forEach(h -> t.row(h.method(), count(h.selfSamples()),
                percent(h.selfPercent()), percent(h.totalPercent())));
        table(out, t, cpu.samples() == 0 ? "no execution samples" : "the samples have no stack traces");
    }

    private static void allocation(StringBuilder out, AnalysisReport.Allocation a) {
        out.append("\nALLOCATION\n");
        out.append("  ").append(bytes(a.totalBytes())).append(" allocated (").append(bytesPerSecond(a.bytesPerSecond()))
                .append("), estimated from ").append(count(a.samples())).append(' ')
                .append(a.source() == null ? "samples" : a.source()).append(" events\n");
        TextTable byClass = new TextTable("class", "bytes", "%", "top site").right(1, 2);
        a.byClass().stream().limit(ROWS).forEach(c -> byClass.row(c.className(), bytes(c.bytes()), percent(c.percent()),
                c.topSite()));
        table(out, byClass, "no allocation samples");
        if (!a.byApplicationSite().isEmpty()) {
            out.append('\n');
            TextTable sites = new TextTable("allocating application method", "bytes", "%").right(1, 2);
            a.byApplicationSite().stream().limit(ROWS).forEach(s -> sites.row(s.method(), bytes(s.bytes()),
                    percent(s.percent())));
            table(out, sites, "");
        }
    }

    private static void locks(StringBuilder out, AnalysisReport.Locks l) {
        out.append("\nLOCKS\n");
        out.append("  ").append(seconds(l.blockedSeconds())).append(" blocked on monitors (").append(count(l.blockedCount()))
                .append(" times), ").append(seconds(l.parkedSeconds())).append(" parked, ").append(seconds(l.waitSeconds()))
                .append(" in Object.wait\n");
        TextTable monitors = new TextTable("monitor class", "blocked", "count", "longest", "top site").right(1, 2, 3);
        l.byMonitorClass().stream().limit(ROWS).forEach(m -> monitors.row(m.className(), seconds(m.blockedSeconds()),
                count(m.count()), seconds(m.maxSeconds()), m.topSite()));
        table(out, monitors, "no contended monitors");
        if (!l.parks().isEmpty()) {
            out.append('\n');
            TextTable parks = new TextTable("parked on", "parked", "count", "top site").right(1, 2);
            l.parks().stream().limit(ROWS).forEach(p -> parks.row(p.parkedClass(), seconds(p.parkedSeconds()),
                    count(p.count()), p.topSite()));
            table(out, parks, "");
        }
    }

    private static void io(StringBuilder out, AnalysisReport.Io io) {
        out.append("\nI/O\n");
        out.append("  sockets: ").append(seconds(io.socketReadSeconds())).append(" reading ").append(bytes(io.socketReadBytes()))
                .append(" in ").append(count(io.socketReadCount())).append(" reads, ").append(seconds(io.socketWriteSeconds()))
                .append(" writing ").append(bytes(io.socketWriteBytes())).append('\n');
        out.append("  files: ").append(seconds(io.fileReadSeconds())).append(" reading ").append(bytes(io.fileReadBytes()))
                .append(", ").append(seconds(io.fileWriteSeconds())).append(" writing ").append(bytes(io.fileWriteBytes()))
                .append('\n');
        TextTable t = new TextTable("endpoint / file", "time", "bytes", "count", "top site").right(1, 2, 3);
        io.byEndpoint().stream().limit(ROWS).forEach(e -> t.row(e.target(), seconds(e.seconds()), bytes(e.bytes()),
                count(e.count()), e.topSite()));
        io.byFile().stream().limit(ROWS).forEach(e -> t.row(e.target(), seconds(e.seconds()), bytes(e.bytes()),
                count(e.count()), e.topSite()));
        if (!t.isEmpty()) {
            t.appendTo(out, "  ");
        }
    }

    private static void exceptions(StringBuilder out, AnalysisReport.Exceptions e) {
        out.append("\nEXCEPTIONS\n");
        out.append("  ").append(count(e.count())).append(" thrown (").append(Format.rate(e.perSecond(), "")).append(")")
                .append(e.source() == null ? "" : ", from " + e.source()).append('\n');
        TextTable t = new TextTable("type", "count", "top site").right(1);
        e.byType().stream().limit(ROWS).forEach(x -> t.row(x.className(), count(x.count()), x.topSite()));
        if (!t.isEmpty()) {
            t.appendTo(out, "  ");
        }
    }

    private static void threads(StringBuilder out, AnalysisReport.Threads t) {
        out.append("\nTHREADS\n");
        out.append("  ").append(count(t.started())).append(" started (").append(Format.rate(t.startsPerSecond(), ""))
                .append("), ").append(count(t.ended())).append(" ended, at most ").append(count(t.activeMax()))
                .append(" alive\n");
    }

    private static void gc(StringBuilder out, AnalysisReport.Gc gc) {
        out.append("\nGC\n");
        out.append("  ").append(or(gc.collector())).append(": ").append(count(gc.pauseCount())).append(" pauses (")
                .append(count(gc.fullPauseCount())).append(" full), ").append(seconds(gc.pauseTotalSeconds()))
                .append(" in total, longest ").append(seconds(gc.pauseMaxSeconds())).append("; p50 ")
                .append(seconds(gc.pausePercentilesSeconds().p50())).append(", p95 ")
                .append(seconds(gc.pausePercentilesSeconds().p95())).append(", p99 ")
                .append(seconds(gc.pausePercentilesSeconds().p99())).append('\n');
        out.append("  throughput ").append(percent(gc.throughputPercent())).append(", allocation rate ")
                .append(bytesPerSecond(gc.allocationRateBytesPerSecond())).append(", heap after GC at most ")
                .append(gc.heapAfterGcMaxBytes() > 0 ? bytes(gc.heapAfterGcMaxBytes()) : Format.MISSING)
                .append(gc.heapAfterGcMaxPercentOfMax() == null ? "" : " (" + percent(gc.heapAfterGcMaxPercentOfMax())
                        + " of max)").append(", trend ").append(bytesPerSecond(gc.heapAfterGcSlopeBytesPerSecond()))
                .append('\n');
        TextTable t = new TextTable("cause", "pauses", "total", "longest").right(1, 2, 3);
        gc.causes().stream().limit(ROWS).forEach(c -> t.row(c.cause(), count(c.count()), seconds(c.totalSeconds()),
                seconds(c.maxSeconds())));
        if (!t.isEmpty()) {
            t.appendTo(out, "  ");
        }
    }

    private static void histogram(StringBuilder out, AnalysisReport.Histogram h) {
        if (h.snapshots() == 0) {
            return;
        }
        out.append("\nHEAP HISTOGRAM (").append(h.snapshots()).append(h.snapshots() == 1 ? " snapshot" : " snapshots")
                .append(")\n");
        TextTable t = new TextTable("class", "instances", "bytes", "growth").right(1, 2, 3);
        h.top().stream().limit(ROWS).forEach(r -> t.row(r.className(), count(r.instances()), bytes(r.bytes()),
                bytes(r.bytesGrowth())));
        t.appendTo(out, "  ");
    }

    private static void table(StringBuilder out, TextTable t, String empty) {
        if (t.isEmpty()) {
            if (!empty.isEmpty()) {
                out.append("  (").append(empty).append(")\n");
            }
        } else {
            t.appendTo(out, "  ");
        }
    }

    private static String or(String s) {
        return s == null ? Format.MISSING : TextTable.sanitize(s);
    }

    public static String render(SummaryReport summary) {
        StringBuilder out = new StringBuilder();
        for (SummaryReport.FileSummary f : summary.files()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(TextTable.sanitize(f.path())).append('\n');
            out.append("  kind:      ").append(f.kind()).append(" (").append(f.format()).append(", ")
                    .append(bytes(f.sizeBytes())).append(")\n");
            AnalysisReport.Jvm jvm = f.jvm();
            out.append("  JVM:       ").append(or(jvm.version())).append(", GC ").append(or(jvm.gc()))
                    .append(", max heap ").append(jvm.maxHeapBytes() == null ? Format.MISSING : bytes(jvm.maxHeapBytes()))
                    .append(", ").append(jvm.cpuCount() == null ? Format.MISSING : jvm.cpuCount()).append(" CPUs\n");
            out.append("  start:     ").append(Format.instant(Instant.parse(f.start()))).append('\n');
            out.append("  duration:  ").append(seconds(f.durationSeconds())).append('\n');
            out.append("  chunks:    ").append(f.chunks()).append('\n');
            for (String w : f.warnings()) {
                out.append("  warning:   ").append(TextTable.sanitize(w)).append('\n');
            }
            TextTable t = new TextTable("event type", "count", "bytes").right(1, 2);
            for (Map.Entry<String, Long> e : f.eventCounts().entrySet()) {
                t.row(e.getKey(), count(e.getValue()), count(f.eventBytes().getOrDefault(e.getKey(), 0L)));
            }
            out.append('\n');
            t.appendTo(out, "  ");
        }
        return out.toString();
    }
}
