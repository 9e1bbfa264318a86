package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged and unusual GC logs: garbage between the lines, cut files, other decorations, non-logs. */
class GcLogRobustnessTest {
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();

    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void garbageBetweenUnifiedLinesIsCountedAndTheRestStillReads() throws Exception {
        List<String> lines = lines(TestFiles.gcviewerLog("sample-ujl-serial-gc-defaults.txt"));
        lines.add(3, "Exception in thread \"main\" java.lang.IllegalStateException: application output");
        lines.add(4, "\tat com.example.Main.main(Main.java:12)");
        lines.add(8, "%$#@!~ \u00ff\u00fe garbage");
        Profile p = LOADER.load(write("garbage.log", lines));
        assertEquals(11, p.gcPauses().size());
        assertEquals(3, p.source().skippedLines());
        assertEquals(3, p.source().skippedSamples().size());
        assertTrue(p.source().skippedSamples().getFirst().startsWith("4: Exception in thread"));
        assertTrue(p.source().warnings().stream().anyMatch(w -> w.startsWith("3 of 15 lines were not understood")));
    }

    @Test
    void garbageBetweenLegacyEventsIsCounted() throws Exception {
        List<String> lines = lines(TestFiles.gcviewerLog("SampleSun1_7_0_51_CMS_PrintApplStoppedTime_TenuringDist.txt"));
        lines.add(5, "Hello from the application");
        lines.add(12, "12:00:01 INFO  request served in 12 ms");
        Profile p = LOADER.load(write("garbage-legacy.log", lines));
        assertEquals(5, p.gcPauses().size());
        assertEquals(2, p.source().skippedLines());
    }

    @Test
    void aLogCutInsideACollectionKeepsWhatCameBefore() throws Exception {
        List<String> lines = lines(TestFiles.gcviewerLog("SampleSun1_7_0_51_CMS_PrintApplStoppedTime_TenuringDist.txt"));
        // the last ParNew spans four lines: keep its first two
        int last = lines.size() - 1;
        Profile p = LOADER.load(write("cut.log", lines.subList(0, last - 2)));
        assertEquals(4, p.gcPauses().size());
        assertTrue(p.source().warnings().stream().anyMatch(w -> w.contains("the log ends inside a collection")),
                p.source().warnings().toString());
    }

    @Test
    void notAGcLogGivesOneLine() throws Exception {
        Path empty = write("empty.log", List.of());
        ImportException e = assertThrows(ImportException.class, () -> LOADER.load(empty));
        assertEquals("empty.log: file is empty", e.getMessage());
        Path text = write("notes.txt", List.of("Meeting notes", "- buy milk", "- fix the GC"));
        e = assertThrows(ImportException.class, () -> LOADER.load(text));
        assertTrue(e.getMessage().startsWith("notes.txt: not a JFR recording, GC log or class histogram"));
        Path binary = dir.resolve("x.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(binary, bytes);
        e = assertThrows(ImportException.class, () -> LOADER.load(binary));
        assertTrue(e.getMessage().contains("binary data"), e.getMessage());
    }

    @Test
    void decorationsInAnyFormAndOrder() throws Exception {
        String message = "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms";
        List<String> variants = List.of(
                "[2024-01-15T10:12:13.123+0100][12.345s][info][gc] " + message,
                "[12.345s][2024-01-15T10:12:13.123+0100][info][gc] " + message,
                "[12345ms][info][gc            ] " + message,
                "[2024-01-15T09:12:13.123+0000][12345000000ns][gc] " + message,
                "[1705309933123ms][12345ms][gc] " + message,
                "[2024-01-15T10:12:13.123+0100][12,345s][4711][4712][info][gc] " + message);
        for (String line : variants) {
            Profile p = LOADER.load(write("d.log", List.of("[0.005s][info][gc] Using G1", line)));
            assertEquals(1, p.gcPauses().size(), line);
            GcPause pause = p.gcPauses().getFirst();
            assertEquals(3, pause.gcId());
            assertEquals(GcKind.YOUNG, pause.kind());
            assertEquals("Pause Young (Normal)", pause.name());
            assertEquals("G1 Evacuation Pause", pause.cause());
            assertEquals(Duration.ofNanos(3_456_000), pause.duration());
            assertEquals(24L << 20, pause.heapBeforeBytes().getAsLong());
            double uptime = Duration.between(p.info().jvmStartTime().orElseThrow(), pause.start()).toNanos() / 1e9;
            assertEquals(12.345 - 0.003456, uptime, 1e-6, line);
            if (line.contains("2024-") || line.contains("1705309933123ms")) {
                // the wall clock places the JVM start: 09:12:13.123 UTC minus 12.345 s
                assertEquals(Instant.parse("2024-01-15T09:12:00.778Z"), p.info().jvmStartTime().orElseThrow(), line);
            }
        }
    }

    @Test
    void pauseStartLinesAndStatisticsTablesAreNotPauses() throws Exception {
        Profile p = LOADER.load(write("s.log", List.of(
                "[1.000s][info][gc] Using Shenandoah",
                "[1.100s][info][gc,start] GC(0) Pause Init Mark (unload classes)",
                "[1.101s][info][gc] GC(0) Pause Init Mark (unload classes) 0.345ms",
                "[9.000s][info][gc,stats] Pause Init Mark (G)                 258 us",
                "[9.000s][info][gc,stats] Pause Init Mark (N)                 150 us")));
        assertEquals(1, p.gcPauses().size());
        assertEquals(GcKind.CONCURRENT_CYCLE_PAUSE, p.gcPauses().getFirst().kind());
        assertFalse(p.gcPauses().getFirst().name().contains("(G)"));
    }
}
