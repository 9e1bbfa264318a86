package io.flightdeck.analysis.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.finding.RuleResult;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code flightdeck analyze} reports, shaped exactly like its JSON (names are part of the CLI contract,
 * units are in the names). Text, Markdown and HTML reports render this same object.
 */
@JsonPropertyOrder({"flightdeckVersion", "sources", "selection", "recording", "cpu", "allocation", "locks", "io",
        "exceptions", "threads", "gc", "histogram", "findings", "rules", "absent"})
public record AnalysisReport(String flightdeckVersion, List<Source> sources, SelectionInfo selection,
        Recording recording, Cpu cpu, Allocation allocation, Locks locks, Io io, Exceptions exceptions,
        Threads threads, Gc gc, Histogram histogram, List<Finding> findings, List<RuleResult> rules,
        Map<String, String> absent) {

    /** The same report with the diagnosis added. */
    public AnalysisReport withDiagnosis(List<Finding> found, List<RuleResult> results) {
        return new AnalysisReport(flightdeckVersion, sources, selection, recording, cpu, allocation, locks, io,
                exceptions, threads, gc, histogram, List.copyOf(found), List.copyOf(results), absent);
    }

    /**
     * Why a section ("cpu", "allocation", "locks", "io", "exceptions", "threads", "gc", "histogram") was not
     * measured, or null when it was: its numbers are then unknown, not zero.
     */
    public String absentReason(String section) {
        return absent == null ? null : absent.get(section);
    }

    /**
     * @param lines          lines of a text source (0 for a recording)
     * @param skippedSamples the first lines that were not understood, with their line numbers
     */
    @JsonPropertyOrder({"path", "kind", "format", "warnings", "skippedLines", "sizeBytes", "lines", "skippedSamples"})
    public record Source(String path, String kind, String format, List<String> warnings, long skippedLines,
            long sizeBytes, long lines, List<String> skippedSamples) {
    }

    /** The time range and thread filter the numbers below are computed over. */
    public record SelectionInfo(String from, String to, double durationSeconds, String threadFilter) {
    }

    @JsonPropertyOrder({"start", "end", "durationSeconds", "chunks", "jvm", "eventCounts"})
    public record Recording(String start, String end, double durationSeconds, int chunks, Jvm jvm,
            Map<String, Long> eventCounts) {
    }

    @JsonPropertyOrder({"version", "gc", "maxHeapBytes", "cpuCount", "name", "arguments", "javaArguments",
            "startTime", "pid", "youngCollector", "oldCollector", "initialHeapBytes", "cpu", "os",
            "physicalMemoryBytes"})
    public record Jvm(String version, String gc, Long maxHeapBytes, Integer cpuCount, String name, String arguments,
            String javaArguments, String startTime, Long pid, String youngCollector, String oldCollector,
            Long initialHeapBytes, String cpu, String os, Long physicalMemoryBytes) {
    }

    @JsonPropertyOrder({"samples", "jvmUserPercentAvg", "jvmSystemPercentAvg", "machineTotalPercentAvg",
            "jvmPercentPeak", "machineTotalPercentPeak", "nativeSamples", "hotMethods", "byThread"})
    public record Cpu(long samples, double jvmUserPercentAvg, double jvmSystemPercentAvg,
            double machineTotalPercentAvg, double jvmPercentPeak, double machineTotalPercentPeak, long nativeSamples,
            List<HotMethodRow> hotMethods, List<ThreadRow> byThread) {
    }

    @JsonPropertyOrder({"thread", "samples", "percent"})
    public record ThreadRow(String thread, long samples, double percent) {
    }

    @JsonPropertyOrder({"method", "selfSamples", "selfPercent", "totalSamples", "totalPercent"})
    public record HotMethodRow(String method, long selfSamples, double selfPercent, long totalSamples,
            double totalPercent) {
    }

    @JsonPropertyOrder({"totalBytes", "bytesPerSecond", "samples", "source", "byClass", "bySite", "byApplicationSite"})
    public record Allocation(long totalBytes, double bytesPerSecond, long samples, String source,
            List<ClassBytes> byClass, List<MethodBytes> bySite, List<MethodBytes> byApplicationSite) {
    }

    @JsonPropertyOrder({"class", "bytes", "percent", "samples", "topSite"})
    public record ClassBytes(@JsonProperty("class") String className, long bytes, double percent, long samples,
            String topSite) {
    }

    @JsonPropertyOrder({"method", "bytes", "percent"})
    public record MethodBytes(String method, long bytes, double percent) {
    }

    @JsonPropertyOrder({"blockedSeconds", "blockedCount", "byMonitorClass", "parkedSeconds", "parks", "waitSeconds",
            "waits"})
    public record Locks(double blockedSeconds, long blockedCount, List<MonitorRow> byMonitorClass,
            double parkedSeconds, List<ParkRow> parks, double waitSeconds, List<MonitorRow> waits) {
    }

    @JsonPropertyOrder({"class", "blockedSeconds", "count", "maxSeconds", "topSite", "topSitePercent"})
    public record MonitorRow(@JsonProperty("class") String className, double blockedSeconds, long count,
            double maxSeconds, String topSite, double topSitePercent) {
    }

    @JsonPropertyOrder({"parkedClass", "parkedSeconds", "count", "topSite", "topSitePercent"})
    public record ParkRow(String parkedClass, double parkedSeconds, long count, String topSite,
            double topSitePercent) {
    }

    @JsonPropertyOrder({"socketReadSeconds", "socketWriteSeconds", "fileReadSeconds", "fileWriteSeconds",
            "fileForceSeconds", "socketReadBytes", "socketWriteBytes", "fileReadBytes", "fileWriteBytes",
            "socketReadCount", "socketWriteCount", "fileReadCount", "fileWriteCount", "nativeSamples",
            "byEndpoint", "byFile"})
    public record Io(double socketReadSeconds, double socketWriteSeconds, double fileReadSeconds,
            double fileWriteSeconds, double fileForceSeconds, long socketReadBytes, long socketWriteBytes,
            long fileReadBytes, long fileWriteBytes, long socketReadCount, long socketWriteCount, long fileReadCount,
            long fileWriteCount, long nativeSamples, List<IoRow> byEndpoint, List<IoRow> byFile) {
    }

    @JsonPropertyOrder({"target", "seconds", "bytes", "count", "topSite"})
    public record IoRow(String target, double seconds, long bytes, long count, String topSite) {
    }

    /**
     * @param source       the event type {@code count} comes from
     * @param byTypeSource the event type {@code byType} comes from (JavaErrorThrow lists errors only)
     */
    @JsonPropertyOrder({"count", "perSecond", "errors", "source", "byTypeSource", "byType"})
    public record Exceptions(long count, double perSecond, long errors, String source, String byTypeSource,
            List<ExceptionRow> byType) {
    }

    @JsonPropertyOrder({"class", "count", "topSite", "topSitePercent", "message"})
    public record ExceptionRow(@JsonProperty("class") String className, long count, String topSite,
            double topSitePercent, String message) {
    }

    @JsonPropertyOrder({"started", "ended", "startsPerSecond", "activeMax", "topStartSites"})
    public record Threads(long started, long ended, double startsPerSecond, long activeMax,
            List<MethodCount> topStartSites) {
    }

    @JsonPropertyOrder({"method", "count"})
    public record MethodCount(String method, long count) {
    }

    /**
     * @param source            where the pauses come from: "jfr" (the recording's GC events) or "gc-log"
     * @param throughputPercent -1 when it cannot be known: the source has pauses but no time stamps (old GC logs
     *                          written without -XX:+PrintGCTimeStamps)
     */
    @JsonPropertyOrder({"collector", "source", "pauseCount", "fullPauseCount", "pauseTotalSeconds", "pauseMaxSeconds",
            "pauseAvgSeconds", "pausePercentilesSeconds", "throughputPercent", "allocationRateBytesPerSecond",
            "promotionRateBytesPerSecond", "heapAfterGcMaxBytes", "heapAfterGcSlopeBytesPerSecond",
            "heapAfterGcMaxPercentOfMax", "concurrentCycleCount", "concurrentCycleTotalSeconds",
            "concurrentCycleMaxSeconds", "concurrentPhases", "safepointCount", "safepointTotalSeconds",
            "safepointMaxSeconds", "stallCount", "stallTotalSeconds", "causes", "pauses"})
    public record Gc(String collector, String source, long pauseCount, long fullPauseCount, double pauseTotalSeconds,
            double pauseMaxSeconds, double pauseAvgSeconds, Percentiles pausePercentilesSeconds,
            double throughputPercent,
            @JsonSerialize(using = AbsentValues.NotFiniteAsNull.class) double allocationRateBytesPerSecond,
            Double promotionRateBytesPerSecond,
            @JsonSerialize(using = AbsentValues.NegativeAsNull.class) long heapAfterGcMaxBytes,
            @JsonSerialize(using = AbsentValues.NotFiniteAsNull.class) double heapAfterGcSlopeBytesPerSecond,
            Double heapAfterGcMaxPercentOfMax,
            int concurrentCycleCount, double concurrentCycleTotalSeconds, double concurrentCycleMaxSeconds,
            List<PhaseRow> concurrentPhases, long safepointCount, double safepointTotalSeconds,
            double safepointMaxSeconds, long stallCount, double stallTotalSeconds, List<CauseRow> causes,
            List<Pause> pauses) {
    }

    @JsonPropertyOrder({"name", "count", "totalSeconds", "maxSeconds"})
    public record PhaseRow(String name, long count, double totalSeconds, double maxSeconds) {
    }

    public record Percentiles(double p50, double p95, double p99) {
    }

    @JsonPropertyOrder({"cause", "count", "totalSeconds", "maxSeconds"})
    public record CauseRow(String cause, long count, double totalSeconds, double maxSeconds) {
    }

    @JsonPropertyOrder({"uptimeSeconds", "durationSeconds", "kind", "cause", "name", "heapBeforeBytes",
            "heapAfterBytes", "heapCommittedBytes", "gcId"})
    public record Pause(double uptimeSeconds, double durationSeconds, String kind, String cause, String name,
            Long heapBeforeBytes, Long heapAfterBytes, Long heapCommittedBytes, long gcId) {
    }

    /**
     * @param top      the latest snapshot's largest classes, with their growth since the first snapshot
     * @param growth   classes by bytes growth between the first and the last snapshot, largest first (empty with
     *                 fewer than two snapshots) — the leak hunter's view
     * @param totals   each snapshot's total, in time order
     */
    @JsonPropertyOrder({"snapshots", "source", "totalBytes", "totalInstances", "top", "growth", "totals"})
    public record Histogram(int snapshots, String source, long totalBytes, long totalInstances,
            List<HistogramRow> top, List<GrowthRow> growth, List<SnapshotTotal> totals) {
    }

    @JsonPropertyOrder({"class", "presence", "firstBytes", "lastBytes", "bytesGrowth", "bytesGrowthPercent",
            "firstInstances", "lastInstances", "instancesGrowth"})
    public record GrowthRow(@JsonProperty("class") String className, String presence, long firstBytes,
            long lastBytes, long bytesGrowth, Double bytesGrowthPercent, long firstInstances, long lastInstances,
            long instancesGrowth) {
    }

    @JsonPropertyOrder({"time", "bytes", "instances", "classes"})
    public record SnapshotTotal(String time, long bytes, long instances, int classes) {
    }

    @JsonPropertyOrder({"class", "instances", "bytes", "bytesGrowth", "instancesGrowth"})
    public record HistogramRow(@JsonProperty("class") String className, long instances, long bytes, long bytesGrowth,
            long instancesGrowth) {
    }
}
