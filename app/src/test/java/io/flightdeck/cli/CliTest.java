package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String sample(String name) {
        return TestFiles.sample(name).toString();
    }

    @Test
    void versionPrintsNameAndVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("flightdeck \\S+");
    }

    @Test
    void analyzeJsonHasEveryContractSection() throws Exception {
        CliRun run = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        for (String section : new String[]{"flightdeckVersion", "sources", "recording", "cpu", "allocation", "locks",
                "io", "exceptions", "gc", "histogram", "findings"}) {
            assertThat(r.has(section)).as(section).isTrue();
        }
        assertThat(r.at("/sources/0/kind").asText()).isEqualTo("jfr");
        assertThat(r.at("/sources/0/format").asText()).isEqualTo("JFR 2.1");
        assertThat(r.at("/recording/jvm/gc").asText()).isEqualTo("G1");
        assertThat(r.at("/recording/eventCounts/jdk.ExecutionSample").asLong()).isEqualTo(r.at("/cpu/samples").asLong());
        assertThat(r.at("/cpu/hotMethods/0/method").asText()).isNotEmpty();
        assertThat(r.at("/gc/pausePercentilesSeconds").has("p99")).isTrue();
        assertThat(r.at("/findings").isArray()).isTrue();
        assertThat(r.at("/locks/byMonitorClass").isArray()).isTrue();
        assertThat(r.at("/allocation/byClass/0").has("class")).isTrue();
    }

    @Test
    void analyzeCountsEqualJfrSummary() throws Exception {
        Path file = TestFiles.sample("multi-chunk.jfr");
        CliRun run = CliRun.of("analyze", file.toString(), "--format", "json");
        JsonNode counts = JSON.readTree(run.out()).at("/recording/eventCounts");
        for (Map.Entry<String, Long> e : TestFiles.jfrSummaryCounts(file).entrySet()) {
            assertThat(counts.path(e.getKey()).asLong()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(JSON.readTree(run.out()).at("/recording/chunks").asInt()).isEqualTo(3);
    }

    @Test
    void timeRangeAndThreadFilterNarrowTheNumbers() throws Exception {
        String file = sample("cpu-hotspot.jfr");
        long all = JSON.readTree(CliRun.of("analyze", file, "--format", "json").out()).at("/cpu/samples").asLong();
        CliRun firstSecond = CliRun.of("analyze", file, "--format", "json", "--from", "+0", "--to", "+1");
        assertThat(firstSecond.exitCode()).as(firstSecond.err()).isZero();
        JsonNode r = JSON.readTree(firstSecond.out());
        assertThat(r.at("/cpu/samples").asLong()).isPositive().isLessThan(all);
        assertThat(r.at("/selection/durationSeconds").asDouble()).isEqualTo(1.0);
        long oneThread = JSON.readTree(CliRun.of("analyze", file, "--format", "json", "--thread", "pricer-1$").out())
                .at("/cpu/samples").asLong();
        assertThat(oneThread).isPositive().isLessThan(all);
    }

    @Test
    void outputFileIsWrittenAndReplaced() throws Exception {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "old content");
        CliRun run = CliRun.of("analyze", sample("lock-contention.jfr"), "--format", "json", "-o", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).at("/locks/byMonitorClass/0/class").asText())
                .isEqualTo("io.flightdeck.samples.scenario.AuditTrail");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(out);
        }
    }

    @Test
    void textReportShowsTheSections() {
        CliRun run = CliRun.of("analyze", sample("lock-contention.jfr"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CPU\n---", "Allocation\n", "Locks\n", "GC\n", "io.flightdeck.samples.scenario.AuditTrail");
    }

    @Test
    void markdownAndHtmlReports() throws Exception {
        CliRun md = CliRun.of("analyze", sample("lock-contention.jfr"), "--format", "md");
        assertThat(md.exitCode()).isZero();
        assertThat(md.out()).startsWith("# Flightdeck").contains("## Locks", "| monitor class |");
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of("analyze", sample("lock-contention.jfr"), "--format", "html", "-o", html.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("AuditTrail").endsWith("</html>\n");
    }

    @Test
    void summaryPrintsCountsPerType() throws Exception {
        Path file = TestFiles.sample("cpu-hotspot.jfr");
        CliRun run = CliRun.of("summary", file.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode f = JSON.readTree(run.out()).at("/files/0");
        assertThat(f.at("/kind").asText()).isEqualTo("jfr");
        assertThat(f.at("/chunks").asInt()).isEqualTo(1);
        assertThat(f.at("/jvm/version").asText()).startsWith("25");
        for (Map.Entry<String, Long> e : TestFiles.jfrSummaryCounts(file).entrySet()) {
            assertThat(f.at("/eventCounts").path(e.getKey()).asLong()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(CliRun.of("summary", file.toString()).out()).contains("jdk.ExecutionSample", "chunks:");
    }

    @Test
    void badInputsExitThreeWithOneLineNamingTheFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.bin"), noise);
        for (Path bad : new Path[]{empty, text, random, dir.resolve("missing.jfr")}) {
            CliRun run = CliRun.of("analyze", bad.toString(), "--format", "json");
            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.INPUT);
            assertThat(run.errLines()).isEqualTo(1);
            assertThat(run.err()).startsWith("flightdeck: " + bad.getFileName() + ": ").doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aCutRecordingIsSuccessWithAWarning() throws Exception {
        Path cut = TestFiles.cut(TestFiles.sample("multi-chunk.jfr"), 0.6, dir);
        CliRun run = CliRun.of("analyze", cut.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning").contains("is cut");
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.at("/sources/0/warnings").size()).isEqualTo(1);
        assertThat(r.at("/recording/eventCounts/jdk.ExecutionSample").asLong()).isPositive();
    }

    @Test
    void usageErrorsExitTwoWithAHint() {
        CliRun unknown = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--no-such-option");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--no-such-option").contains("--help");
        CliRun badTime = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--from", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTime.err()).contains("--from yesterday: not a time");
        CliRun badRegex = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--thread", "(");
        assertThat(badRegex.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun badFormat = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--format", "pdf");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noCommand = CliRun.of("frobnicate");
        assertThat(noCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noFile = CliRun.of("analyze");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void analyzeReadsARecordingWithItsGcLogOnOneTimeline() throws Exception {
        Path logs = TestFiles.freshGcLogs().resolve("jdk25");
        CliRun run = CliRun.of("analyze", logs.resolve("g1-gc-all-safepoint.log").toString(),
                logs.resolve("g1.jfr").toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.at("/sources/0/kind").asText()).isEqualTo("jfr"); // the recording is primary
        assertThat(r.at("/sources/1/kind").asText()).isEqualTo("gc-log");
        assertThat(r.at("/sources/1/format").asText()).isEqualTo("unified");
        assertThat(r.at("/gc/source").asText()).isEqualTo("jfr");
        assertThat(r.at("/gc/safepointCount").asLong()).isPositive();
    }

    @Test
    void analyzeOfAGcLogAlone() throws Exception {
        Path log = TestFiles.freshGcLogs().resolve("jdk17/parallel-gc-all.log");
        CliRun run = CliRun.of("analyze", log.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.at("/gc/source").asText()).isEqualTo("gc-log");
        assertThat(r.at("/gc/collector").asText()).isEqualTo("Parallel");
        assertThat(r.at("/gc/pauseCount").asLong()).isEqualTo(39); // the manifest's count of pause lines
        assertThat(r.at("/gc/fullPauseCount").asLong()).isEqualTo(2);
        assertThat(r.at("/recording/eventCounts").size()).isZero();
        CliRun text = CliRun.of("analyze", log.toString());
        assertThat(text.out()).contains("Parallel: 39 pauses (2 full)");
    }

    @Test
    void twoRecordingsCannotBeAnalysedTogether() {
        CliRun run = CliRun.of("analyze", sample("cpu-hotspot.jfr"), sample("lock-contention.jfr"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("compare");
    }

    @Test
    void aGcLogWithGarbageIsReadAndTheGarbageCounted() throws Exception {
        Path source = TestFiles.freshGcLogs().resolve("jdk25/serial-gc.log");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(source));
        lines.add(2, "application says hello");
        lines.add(5, "\u0007\u0001 not a log line");
        Path file = dir.resolve("garbage.log");
        Files.write(file, lines);
        CliRun run = CliRun.of("analyze", file.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.at("/sources/0/skippedLines").asLong()).isEqualTo(2);
        assertThat(r.at("/gc/pauseCount").asLong()).isEqualTo(20);
        assertThat(run.err()).contains("2 of " + lines.size() + " lines were not understood");
        CliRun summary = CliRun.of("summary", file.toString());
        assertThat(summary.out()).contains("not understood: line 3: application says hello");
    }
}
