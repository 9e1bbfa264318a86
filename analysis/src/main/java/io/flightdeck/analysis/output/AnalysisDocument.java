package io.flightdeck.analysis.output;

import static io.flightdeck.analysis.format.Format.bytes;
import static io.flightdeck.analysis.format.Format.bytesPerSecond;
import static io.flightdeck.analysis.format.Format.count;
import static io.flightdeck.analysis.format.Format.percent;
import static io.flightdeck.analysis.format.Format.seconds;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.SummaryReport;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.output.ReportDocument.Fact;
import io.flightdeck.analysis.output.ReportDocument.Section;
import io.flightdeck.analysis.output.ReportDocument.SectionBuilder;
import io.flightdeck.analysis.output.ReportDocument.TableBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out an {@link AnalysisReport} (and a {@link SummaryReport}) as a {@link ReportDocument}. */
public final class AnalysisDocument {
    /** Rows per table in a report. */
    static final int ROWS = 15;

    private AnalysisDocument() {
    }

    public static ReportDocument of(AnalysisReport r) {
        List<Fact> facts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (AnalysisReport.Source s : r.sources()) {
            facts.add(new Fact("Source", s.path() + " (" + s.format() + ", " + bytes(s.sizeBytes()) + ")"));
            warnings.addAll(s.warnings());
        }
        AnalysisReport.Recording rec = r.recording();
        facts.add(new Fact(rec.chunks() > 0 ? "Recording" : "Time span", Format.instant(Instant.parse(rec.start()))
                + " to " + Format.instant(Instant.parse(rec.end())) + " (" + seconds(rec.durationSeconds())
                + (rec.chunks() > 0 ? ", " + rec.chunks() + (rec.chunks() == 1 ? " chunk)" : " chunks)") : ")")));
        AnalysisReport.Jvm jvm = rec.jvm();
        facts.add(new Fact("JVM", or(jvm.version()) + ", GC " + or(jvm.gc()) + ", max heap "
                + (jvm.maxHeapBytes() == null ? Format.MISSING : bytes(jvm.maxHeapBytes())) + ", "
                + (jvm.cpuCount() == null ? Format.MISSING : jvm.cpuCount()) + " CPUs"));
        if (jvm.arguments() != null) {
            facts.add(new Fact("JVM arguments", jvm.arguments()));
        }
        if (jvm.javaArguments() != null) {
            facts.add(new Fact("Java arguments", jvm.javaArguments()));
        }
        AnalysisReport.SelectionInfo sel = r.selection();
        facts.add(new Fact("Selection", Format.instant(Instant.parse(sel.from())) + " to "
                + Format.instant(Instant.parse(sel.to())) + " (" + seconds(sel.durationSeconds()) + "), "
                + (sel.threadFilter() == null ? "all threads" : "threads matching /" + sel.threadFilter() + "/")));

        List<Section> sections = new ArrayList<>();
        sections.add(findings(r.findings()));
        Section circumstances = circumstances(r.findings());
        if (circumstances != null) {
            sections.add(circumstances);
        }
        sections.add(orAbsent(r, "cpu", "CPU", () -> cpu(r.cpu())));
        sections.add(orAbsent(r, "allocation", "Allocation", () -> allocation(r.allocation())));
        sections.add(orAbsent(r, "locks", "Locks", () -> locks(r.locks())));
        sections.add(orAbsent(r, "io", "I/O", () -> io(r.io())));
        sections.add(orAbsent(r, "exceptions", "Exceptions", () -> exceptions(r.exceptions())));
        sections.add(orAbsent(r, "threads", "Threads", () -> threads(r.threads())));
        sections.add(orAbsent(r, "gc", "GC", () -> gc(r.gc())));
        if (r.histogram().snapshots() > 0) {
            sections.add(histogram(r.histogram()));
        }
        return new ReportDocument("Flightdeck " + r.flightdeckVersion() + " analysis", facts, warnings, sections);
    }

    /** The section, or in its place the reason it was not measured (absent is not zero). */
    private static Section orAbsent(AnalysisReport r, String key, String title, java.util.function.Supplier<Section> section) {
        String reason = r.absentReason(key);
        if (reason == null) {
            return section.get();
        }
        return new SectionBuilder(title).paragraph("Not measured — " + reason + ".").build();
    }

    private static Section findings(List<Finding> all) {
        List<Finding> findings = all.stream().filter(f -> !f.isCircumstance()).toList();
        SectionBuilder s = new SectionBuilder("Findings");
        if (findings.isEmpty()) {
            return s.paragraph("None.").build();
        }
        return findingTable(s, findings).build();
    }

    /** Findings about the host and the recording: context for the application's, listed after them. */
    private static Section circumstances(List<Finding> all) {
        List<Finding> circumstances = all.stream().filter(Finding::isCircumstance).toList();
        if (circumstances.isEmpty()) {
            return null;
        }
        return findingTable(new SectionBuilder("Circumstances"), circumstances).build();
    }

    private static SectionBuilder findingTable(SectionBuilder s, List<Finding> findings) {
        TableBuilder t = s.table("severity", "score", "finding", "culprit", "recommendation").numeric(1);
        for (Finding f : findings) {
            String culprit = f.culprit() == null ? null
                    : f.culprit().method() != null ? f.culprit().method() : f.culprit().className();
            t.row(f.severity().label(), f.score(), f.headline(), culprit, f.recommendation());
        }
        return s.add(t, null);
    }

    private static Section cpu(AnalysisReport.Cpu cpu) {
        SectionBuilder s = new SectionBuilder("CPU");
        s.paragraph(count(cpu.samples()) + " execution samples. JVM " + percent(cpu.jvmUserPercentAvg()) + " user + "
                + percent(cpu.jvmSystemPercentAvg()) + " system of all CPUs on average (peak "
                + percent(cpu.jvmPercentPeak()) + "); the whole machine " + percent(cpu.machineTotalPercentAvg())
                + " (peak " + percent(cpu.machineTotalPercentPeak()) + ").");
        TableBuilder t = s.table("hot method", "self samples", "self %", "total %").numeric(1, 2, 3);
        cpu.hotMethods().stream().limit(ROWS).forEach(h -> t.row(h.method(), count(h.selfSamples()),
                percent(h.selfPercent()), percent(h.totalPercent())));
        s.add(t, cpu.samples() == 0 ? "No execution samples." : "The samples have no stack traces.");
        TableBuilder threads = s.table("thread", "samples", "%").numeric(1, 2);
        cpu.byThread().stream().limit(ROWS).forEach(x -> threads.row(x.thread(), count(x.samples()), percent(x.percent())));
        return s.add(threads, null).build();
    }

    private static Section allocation(AnalysisReport.Allocation a) {
        SectionBuilder s = new SectionBuilder("Allocation");
        s.paragraph(bytes(a.totalBytes()) + " allocated (" + bytesPerSecond(a.bytesPerSecond()) + " sampled), estimated from "
                + count(a.samples()) + " " + (a.source() == null ? "allocation samples" : a.source() + " events") + ".");
        TableBuilder byClass = s.table("class", "bytes", "%", "top site").numeric(1, 2);
        a.byClass().stream().limit(ROWS).forEach(c -> byClass.row(c.className(), bytes(c.bytes()), percent(c.percent()),
                c.topSite()));
        s.add(byClass, "No allocation samples.");
        TableBuilder sites = s.table("allocating application method", "bytes", "%").numeric(1, 2);
        a.byApplicationSite().stream().limit(ROWS).forEach(x -> sites.row(x.method(), bytes(x.bytes()), percent(x.percent())));
        return s.add(sites, null).build();
    }

    private static Section locks(AnalysisReport.Locks l) {
        SectionBuilder s = new SectionBuilder("Locks");
        s.paragraph(seconds(l.blockedSeconds()) + " blocked on monitors (" + count(l.blockedCount()) + " times), "
                + seconds(l.parkedSeconds()) + " parked, " + seconds(l.waitSeconds()) + " in Object.wait.");
        TableBuilder monitors = s.table("monitor class", "blocked", "count", "longest", "top site").numeric(1, 2, 3);
        l.byMonitorClass().stream().limit(ROWS).forEach(m -> monitors.row(m.className(), seconds(m.blockedSeconds()),
                count(m.count()), seconds(m.maxSeconds()), m.topSite()));
        s.add(monitors, "No contended monitors.");
        TableBuilder parks = s.table("parked on", "parked", "count", "top site").numeric(1, 2);
        l.parks().stream().limit(ROWS).forEach(p -> parks.row(p.parkedClass(), seconds(p.parkedSeconds()), count(p.count()),
                p.topSite()));
        return s.add(parks, null).build();
    }

    private static Section io(AnalysisReport.Io io) {
        SectionBuilder s = new SectionBuilder("I/O");
        s.paragraph("Sockets: " + seconds(io.socketReadSeconds()) + " reading " + bytes(io.socketReadBytes()) + " in "
                + count(io.socketReadCount()) + " reads, " + seconds(io.socketWriteSeconds()) + " writing "
                + bytes(io.socketWriteBytes()) + ". Files: " + seconds(io.fileReadSeconds()) + " reading "
                + bytes(io.fileReadBytes()) + ", " + seconds(io.fileWriteSeconds()) + " writing "
                + bytes(io.fileWriteBytes()) + ".");
        TableBuilder t = s.table("endpoint or file", "time", "bytes", "count", "top site").numeric(1, 2, 3);
        io.byEndpoint().stream().limit(ROWS).forEach(e -> t.row(e.target(), seconds(e.seconds()), bytes(e.bytes()),
                count(e.count()), e.topSite()));
        io.byFile().stream().limit(ROWS).forEach(e -> t.row(e.target(), seconds(e.seconds()), bytes(e.bytes()),
                count(e.count()), e.topSite()));
        return s.add(t, null).build();
    }

    private static Section exceptions(AnalysisReport.Exceptions e) {
        SectionBuilder s = new SectionBuilder("Exceptions");
        s.paragraph(count(e.count()) + " thrown (" + Format.rate(e.perSecond(), "") + ")"
                + (e.source() == null ? "." : ", counted by " + e.source() + ".")
                + (e.byTypeSource() != null && !e.byTypeSource().equals(e.source())
                        ? " Types and sites below are from " + e.byTypeSource() + "." : ""));
        TableBuilder t = s.table("type", "count", "top site", "message").numeric(1);
        e.byType().stream().limit(ROWS).forEach(x -> t.row(x.className(), count(x.count()), x.topSite(), x.message()));
        return s.add(t, null).build();
    }

    private static Section threads(AnalysisReport.Threads t) {
        return new SectionBuilder("Threads").paragraph(count(t.started()) + " started ("
                + Format.rate(t.startsPerSecond(), "") + "), " + count(t.ended()) + " ended, at most "
                + count(t.activeMax()) + " alive at once.").build();
    }

    private static Section gc(AnalysisReport.Gc gc) {
        SectionBuilder s = new SectionBuilder("GC");
        s.paragraph(or(gc.collector()) + ": " + count(gc.pauseCount()) + " pauses (" + count(gc.fullPauseCount())
                + " full), " + seconds(gc.pauseTotalSeconds()) + " in total, longest " + seconds(gc.pauseMaxSeconds())
                + "; p50 " + seconds(gc.pausePercentilesSeconds().p50()) + ", p95 "
                + seconds(gc.pausePercentilesSeconds().p95()) + ", p99 " + seconds(gc.pausePercentilesSeconds().p99())
                + ". Throughput " + Format.throughput(gc.throughputPercent()) + ", allocation rate "
                + bytesPerSecond(gc.allocationRateBytesPerSecond()) + " (from the heap's growth between "
                + "collections), heap after GC at most "
                + (gc.heapAfterGcMaxBytes() > 0 ? bytes(gc.heapAfterGcMaxBytes()) : Format.MISSING)
                + (gc.heapAfterGcMaxPercentOfMax() == null ? "" : " (" + percent(gc.heapAfterGcMaxPercentOfMax()) + " of max)")
                + ", trend " + bytesPerSecond(gc.heapAfterGcSlopeBytesPerSecond()) + "."
                + ("gc-log".equals(gc.source()) ? " From the GC log." : ""));
        List<String> more = new ArrayList<>();
        if (gc.promotionRateBytesPerSecond() != null) {
            more.add("promotion " + bytesPerSecond(gc.promotionRateBytesPerSecond()));
        }
        if (gc.concurrentCycleCount() > 0) {
            more.add(count(gc.concurrentCycleCount()) + " concurrent cycles, " + seconds(gc.concurrentCycleTotalSeconds())
                    + " in total, longest " + seconds(gc.concurrentCycleMaxSeconds()));
        }
        if (gc.safepointCount() > 0) {
            more.add(count(gc.safepointCount()) + " safepoints stopped the application for "
                    + seconds(gc.safepointTotalSeconds()) + " (longest " + seconds(gc.safepointMaxSeconds()) + ")");
        }
        if (gc.stallCount() > 0) {
            more.add(count(gc.stallCount()) + " thread stalls waiting for memory, " + seconds(gc.stallTotalSeconds()));
        }
        if (!more.isEmpty()) {
            s.paragraph(String.join("; ", more) + ".");
        }
        TableBuilder t = s.table("cause", "pauses", "total", "longest").numeric(1, 2, 3);
        gc.causes().stream().limit(ROWS).forEach(c -> t.row(c.cause(), count(c.count()), seconds(c.totalSeconds()),
                seconds(c.maxSeconds())));
        s.add(t, null);
        if (!gc.concurrentPhases().isEmpty()) {
            TableBuilder p = s.table("concurrent phase", "count", "total", "longest").numeric(1, 2, 3);
            gc.concurrentPhases().stream().limit(ROWS).forEach(r -> p.row(r.name(), count(r.count()),
                    seconds(r.totalSeconds()), seconds(r.maxSeconds())));
            s.add(p, null);
        }
        return s.build();
    }

    private static Section histogram(AnalysisReport.Histogram h) {
        SectionBuilder s = new SectionBuilder("Heap histogram");
        s.paragraph(h.snapshots() + (h.snapshots() == 1 ? " snapshot" : " snapshots") + " from " + or(h.source()) + ".");
        TableBuilder t = s.table("class", "instances", "bytes", "growth").numeric(1, 2, 3);
        h.top().stream().limit(ROWS).forEach(r -> t.row(r.className(), count(r.instances()), bytes(r.bytes()),
                bytes(r.bytesGrowth())));
        return s.add(t, null).build();
    }

    /** One section per file: what it is and its event counts. */
    public static ReportDocument of(SummaryReport summary) {
        List<Section> sections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (SummaryReport.FileSummary f : summary.files()) {
            SectionBuilder s = new SectionBuilder(f.path());
            AnalysisReport.Jvm jvm = f.jvm();
            s.paragraph("kind: " + f.kind() + " (" + f.format() + ", " + bytes(f.sizeBytes()) + ")");
            s.paragraph("JVM: " + or(jvm.version()) + ", GC " + or(jvm.gc()) + ", max heap "
                    + (jvm.maxHeapBytes() == null ? Format.MISSING : bytes(jvm.maxHeapBytes())) + ", "
                    + (jvm.cpuCount() == null ? Format.MISSING : jvm.cpuCount()) + " CPUs");
            if ("jfr".equals(f.kind())) {
                s.paragraph("start: " + Format.instant(Instant.parse(f.start())) + ", duration: "
                        + seconds(f.durationSeconds()) + ", chunks: " + f.chunks());
            } else {
                s.paragraph("start: " + Format.instant(Instant.parse(f.start())) + ", time span: "
                        + seconds(f.durationSeconds()) + ", lines: " + count(f.lines()) + " ("
                        + count(f.skippedLines()) + " not understood)");
                if ("gc-log".equals(f.kind())) {
                    s.paragraph("collections: " + count(f.collections()) + ", pauses: " + count(f.pauses()) + " ("
                            + count(f.fullPauses()) + " full), safepoints: " + count(f.safepoints()));
                } else {
                    s.paragraph("snapshots: " + count(f.snapshots()));
                }
                f.skippedSamples().forEach(line -> s.paragraph("not understood: line " + line));
            }
            f.warnings().forEach(w -> warnings.add(f.path() + ": " + w));
            TableBuilder t = s.table("event type", "count", "bytes").numeric(1, 2);
            for (Map.Entry<String, Long> e : f.eventCounts().entrySet()) {
                t.row(e.getKey(), count(e.getValue()), count(f.eventBytes().getOrDefault(e.getKey(), 0L)));
            }
            sections.add(s.add(t, null).build());
        }
        return new ReportDocument("Flightdeck " + summary.flightdeckVersion() + " summary", List.of(), warnings, sections);
    }

    private static String or(String s) {
        return s == null ? Format.MISSING : s;
    }
}
