package io.flightdeck.analysis.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code flightdeck summary} prints about each file: what it is and what it holds. */
@JsonPropertyOrder({"flightdeckVersion", "files"})
public record SummaryReport(String flightdeckVersion, List<FileSummary> files) {

    /**
     * @param lines          lines of a GC log or histogram (0 for a recording)
     * @param skippedLines   of those, the lines not understood
     * @param skippedSamples the first of them, with their line numbers
     * @param pauses         stop-the-world GC pauses in the file (GC logs and recordings)
     * @param snapshots      heap histogram snapshots in the file
     */
    @JsonPropertyOrder({"path", "kind", "format", "sizeBytes", "warnings", "jvm", "start", "end", "durationSeconds",
            "chunks", "lines", "skippedLines", "skippedSamples", "pauses", "fullPauses", "collections", "safepoints",
            "snapshots", "eventCounts", "eventBytes"})
    public record FileSummary(String path, String kind, String format, long sizeBytes, List<String> warnings,
            AnalysisReport.Jvm jvm, String start, String end, double durationSeconds, int chunks, long lines,
            long skippedLines, List<String> skippedSamples, long pauses, long fullPauses, long collections,
            long safepoints, long snapshots, Map<String, Long> eventCounts, Map<String, Long> eventBytes) {
    }

    /** Summarises one imported file; event types are listed by count, most frequent first. */
    public static FileSummary of(Profile profile) {
        RecordingInfo info = profile.info();
        AnalysisReport.Recording recording = ReportBuilder.recording(profile);
        List<EventTypeStats> stats = new ArrayList<>(profile.eventStats().values());
        stats.sort(Comparator.comparingLong(EventTypeStats::count).reversed().thenComparing(EventTypeStats::name));
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (EventTypeStats s : stats) {
            counts.put(s.name(), s.count());
            bytes.put(s.name(), s.bytes());
        }
        return new FileSummary(profile.source().path().toString(), profile.source().kind().label(),
                profile.source().format(), profile.source().sizeBytes(), profile.source().warnings(), recording.jvm(),
                info.start().toString(), info.end().toString(), info.duration().toNanos() / 1e9, info.chunks(),
                profile.source().lines(), profile.source().skippedLines(), profile.source().skippedSamples(),
                profile.gcPauses().size(),
                profile.gcPauses().stream().filter(p -> p.kind() == io.flightdeck.model.GcKind.FULL).count(),
                profile.gcEvents().size(), profile.safepoints().size(), profile.histograms().size(), counts, bytes);
    }
}
