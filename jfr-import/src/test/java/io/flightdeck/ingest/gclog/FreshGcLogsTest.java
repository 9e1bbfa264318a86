package io.flightdeck.ingest.gclog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceKind;
import io.flightdeck.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own logs of every collector on JDK 17 and 25 at -Xlog:gc, gc* and gc*,safepoint (sample-recordings/gclogs,
 * with a JFR recording of each run). The pause figures in the manifest were counted from the lines by a separate
 * script ({@code count_pauses.py}); here the parser must find the same, and the log and the recording must agree
 * once each known difference is accounted for — each difference is its own test.
 */
class FreshGcLogsTest {
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();
    private static final Path DIR = TestFiles.freshGcLogs();

    static Stream<JsonNode> entries() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
        List<JsonNode> list = new ArrayList<>();
        manifest.get("entries").forEach(list::add);
        return list.stream();
    }

    private static Profile log(String file) throws Exception {
        return LOADER.load(DIR.resolve(file));
    }

    private static Profile recording(String file) throws Exception {
        return LOADER.load(DIR.resolve(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void pausesAreThoseTheLogWrites(JsonNode e) throws Exception {
        Profile p = log(e.get("file").asText());
        assertEquals(SourceKind.GC_LOG, p.source().kind());
        assertEquals(0, p.source().skippedLines(), () -> String.join("\n", p.source().skippedSamples()));
        if (e.get("log_pause_count").isNull()) {
            // ZGC at plain -Xlog:gc: no pause lines at all, but every collection is there
            assertEquals("ZGC", e.get("collector").asText());
            assertEquals(0, p.gcPauses().size());
            assertFalse(p.gcEvents().isEmpty());
            return;
        }
        assertEquals(e.get("log_pause_count").asInt(), p.gcPauses().size());
        assertEquals(e.get("log_full_count").asInt(), p.gcPauses().stream().filter(x -> x.kind() == GcKind.FULL).count());
        double total = p.gcPauses().stream().mapToLong(x -> x.duration().toNanos()).sum() / 1e9;
        assertEquals(e.get("log_pause_total_s").asDouble(), total, 1e-6);
        double max = p.gcPauses().stream().mapToLong(x -> x.duration().toNanos()).max().orElse(0) / 1e9;
        assertEquals(e.get("log_pause_max_s").asDouble(), max, 1e-6);
        Map<String, Integer> byName = new TreeMap<>();
        boolean zgc = "ZGC".equals(e.get("collector").asText());
        for (GcPause x : p.gcPauses()) {
            // ZGC writes its cause on the collection's line, not the pause's: its pauses carry it, the names do not
            String name = x.cause().isEmpty() || zgc ? x.name() : x.name() + " (" + x.cause() + ")";
            byName.merge(name, 1, Integer::sum);
        }
        assertEquals(e.get("log_pauses_by_name").size(), byName.size(), byName::toString);
    }

    /** The log's pauses of the collections the recording has are exactly the recording's pauses. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void logAndRecordingAgreeOnTheCollectionsBothSaw(JsonNode e) throws Exception {
        if (e.get("log_pause_count").isNull()) {
            return;
        }
        Profile log = log(e.get("file").asText());
        Profile jfr = recording(e.get("jfr").asText());
        assertEquals(e.get("jfr_gc_count").asInt(), jfr.gcEvents().size());
        assertEquals(e.get("jfr_pause_phase_count").asInt(), jfr.gcPauses().size());
        Set<Long> recorded = jfr.gcEvents().stream().map(GcEvent::gcId).collect(Collectors.toSet());
        long logPausesOfRecorded = log.gcPauses().stream().filter(x -> recorded.contains(x.gcId())).count();
        assertEquals(e.get("log_pause_count_of_jfr_gcs").asInt(), logPausesOfRecorded);
    }

    @Test
    void g1ConcurrentCycleIsTwoLogPausesButOneRecordedCollection() throws Exception {
        for (String jdk : List.of("jdk17", "jdk25")) {
            Profile log = log(jdk + "/g1-gc-all.log");
            Profile jfr = recording(jdk + "/g1.jfr");
            List<Long> cycles = log.gcPauses().stream().filter(x -> x.kind() == GcKind.REMARK).map(GcPause::gcId).toList();
            assertFalse(cycles.isEmpty());
            for (long id : cycles) {
                List<GcPause> pauses = log.gcPauses().stream().filter(x -> x.gcId() == id).toList();
                assertEquals(List.of(GcKind.REMARK, GcKind.CLEANUP), pauses.stream().map(GcPause::kind).toList());
                List<GcEvent> events = jfr.gcEvents().stream().filter(x -> x.gcId() == id).toList();
                assertEquals(1, events.size());
                assertEquals("G1Old", events.getFirst().collector());
            }
        }
    }

    @Test
    void zgcAndShenandoahCyclesAreSeveralLogPausesButOneRecordedCollection() throws Exception {
        Map<String, int[]> expected = Map.of( // min and max pause lines per recorded cycle
                "jdk17/zgc", new int[]{3, 3}, "jdk25/zgc", new int[]{3, 8},
                "jdk17/shenandoah", new int[]{4, 4}, "jdk25/shenandoah", new int[]{4, 4});
        for (var entry : expected.entrySet()) {
            Profile log = log(entry.getKey() + "-gc-all.log");
            Profile jfr = recording(entry.getKey() + ".jfr");
            Map<Long, Long> perId = log.gcPauses().stream().collect(Collectors.groupingBy(GcPause::gcId,
                    Collectors.counting()));
            for (GcEvent event : jfr.gcEvents()) {
                Long lines = perId.get(event.gcId());
                if (lines == null) {
                    continue; // a cycle still running when the log or the recording ended
                }
                assertTrue(lines >= entry.getValue()[0] && lines <= entry.getValue()[1],
                        entry.getKey() + " GC(" + event.gcId() + ") " + lines);
                assertEquals(1, jfr.gcEvents().stream().filter(x -> x.gcId() == event.gcId()).count());
            }
        }
    }

    @Test
    void plainXlogGcShowsNoZgcPauses() throws Exception {
        for (String jdk : List.of("jdk17", "jdk25")) {
            Profile plain = log(jdk + "/zgc-gc.log");
            Profile all = log(jdk + "/zgc-gc-all.log");
            assertEquals(0, plain.gcPauses().size());
            assertFalse(all.gcPauses().isEmpty());
            // the same collections, seen as whole cycles
            Set<Long> cycles = plain.gcEvents().stream().map(GcEvent::gcId).collect(Collectors.toSet());
            Set<Long> withPauses = all.gcPauses().stream().map(GcPause::gcId).collect(Collectors.toSet());
            assertTrue(cycles.containsAll(withPauses), jdk);
        }
    }

    @Test
    void jdk17SerialWritesANoOpYoungPauseBeforeTheAllocationFailureFullGc() throws Exception {
        Profile jdk17 = log("jdk17/serial-gc-all.log");
        Profile recorded = recording("jdk17/serial.jfr");
        List<GcPause> pauses = jdk17.gcPauses();
        int noOps = 0;
        for (int i = 1; i < pauses.size(); i++) {
            GcPause full = pauses.get(i);
            GcPause before = pauses.get(i - 1);
            if (full.kind() == GcKind.FULL && full.cause().equals("Allocation Failure")) {
                assertEquals(GcKind.YOUNG, before.kind());
                assertEquals(before.heapBeforeBytes(), before.heapAfterBytes()); // it freed nothing
                assertTrue(before.duration().compareTo(Duration.ofMillis(1)) < 0);
                assertTrue(recorded.gcEvents().stream().noneMatch(x -> x.gcId() == before.gcId()),
                        "the no-op young pause has no JFR event");
                noOps++;
            }
        }
        assertEquals(1, noOps);
        Profile jdk25 = log("jdk25/serial-gc-all.log");
        List<GcPause> p25 = jdk25.gcPauses();
        for (int i = 1; i < p25.size(); i++) {
            if (p25.get(i).kind() == GcKind.FULL) {
                GcPause before = p25.get(i - 1);
                assertFalse(before.kind() == GcKind.YOUNG && before.heapBeforeBytes().equals(before.heapAfterBytes()));
            }
        }
    }

    /**
     * GC ids grow with time, so the log's collections numbered below the recording's first one happened before the
     * recording started; they, and any the recording did not see for another reason (JDK 17 Serial's no-op young
     * pause), are in the log only.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void collectionsBeforeTheRecordingStartedAreOnlyInTheLog(JsonNode e) throws Exception {
        if (e.get("log_pause_count").isNull() || e.get("file").asText().contains("rotated")) {
            return;
        }
        Profile log = log(e.get("file").asText());
        Profile jfr = recording(e.get("jfr").asText());
        Set<Long> recorded = jfr.gcEvents().stream().map(GcEvent::gcId).collect(Collectors.toSet());
        long firstRecorded = recorded.stream().mapToLong(Long::longValue).min().orElseThrow();
        Set<Long> logged = new HashSet<>();
        log.gcPauses().forEach(x -> logged.add(x.gcId()));
        log.gcEvents().forEach(x -> logged.add(x.gcId()));
        Set<Long> before = logged.stream().filter(id -> id < firstRecorded).collect(Collectors.toSet());
        Set<Long> logOnly = logged.stream().filter(id -> !recorded.contains(id)).collect(Collectors.toSet());
        assertFalse(before.isEmpty());
        assertTrue(logOnly.containsAll(before));
        String collector = e.get("collector").asText();
        if (!collector.startsWith("ZGC") && !collector.startsWith("Shenandoah")) {
            // a concurrent cycle may start before the recording and end in it; stop-the-world ones cannot
            assertEquals(e.get("log_gc_before_recording").asInt(), before.size());
            assertEquals(e.get("log_gc_ids_not_in_jfr").asInt(), logOnly.size());
        }
    }

    @Test
    void aLogReadWithItsRecordingSharesItsTimeAxisAndCountsGcOnce() throws Exception {
        Path jfrFile = DIR.resolve("jdk25/g1.jfr");
        Path logFile = DIR.resolve("jdk25/g1-gc-all-safepoint.log");
        Profile together = LOADER.loadTogether(List.of(jfrFile, logFile), ProgressListener.NONE,
                CancellationToken.none());
        Profile jfr = LOADER.load(jfrFile);
        assertEquals(2, together.sources().size());
        assertEquals(SourceKind.JFR, together.gcSource());
        assertEquals(jfr.gcPauses().size(), together.gcPauses().size()); // the recording's pauses, not both
        assertEquals(jfr.info().start(), together.info().start());
        assertFalse(together.safepoints().isEmpty()); // what only the log has is added
        // same collection, same moment: the log's GC(n) and the recording's GC(n) start within a few ms
        Profile log = LOADER.load(logFile);
        Map<Long, Instant> logged = firstPauses(log);
        Map<Long, Instant> recorded = firstPauses(jfr);
        int compared = 0;
        for (var r : recorded.entrySet()) {
            Instant l = logged.get(r.getKey());
            if (l != null) {
                assertTrue(Math.abs(Duration.between(r.getValue(), l).toMillis()) <= 3, "GC(" + r.getKey() + ")");
                compared++;
            }
        }
        assertTrue(compared >= 10);
    }

    private static Map<Long, Instant> firstPauses(Profile p) {
        return p.gcPauses().stream().collect(Collectors.toMap(GcPause::gcId, GcPause::start,
                (a, b) -> a.isBefore(b) ? a : b));
    }

    @Test
    void aLogWithoutWallClockIsPlacedOnTheCollectionsItSharesWithTheRecording() throws Exception {
        // jdk17/serial-gc-all.log has the JDK's default decorations: uptime, level, tags — no wall clock
        Path jfrFile = DIR.resolve("jdk17/serial.jfr");
        Path logFile = DIR.resolve("jdk17/serial-gc-all.log");
        assertTrue(LOADER.load(logFile).source().warnings().stream().anyMatch(w -> w.contains("no wall-clock")));
        Profile jfr = LOADER.load(jfrFile);
        Profile onJvmStart = realign(logFile, jfr, Duration.ZERO);
        // JFR takes its JVM start time a little after the log's uptime zero; the shared collections say by how much
        Duration offset = ProfileLoader.sharedCollectionOffset(jfr, onJvmStart);
        assertTrue(offset != null && Math.abs(offset.toMillis()) < 200, String.valueOf(offset));
        Map<Long, Instant> logged = firstPauses(realign(logFile, jfr, offset));
        int compared = 0;
        for (var r : firstPauses(jfr).entrySet()) {
            Instant l = logged.get(r.getKey());
            if (l != null) {
                assertTrue(Math.abs(Duration.between(r.getValue(), l).toMillis()) <= 3, "GC(" + r.getKey() + ")");
                compared++;
            }
        }
        assertTrue(compared >= 10);
        Profile together = LOADER.loadTogether(List.of(logFile, jfrFile), ProgressListener.NONE,
                CancellationToken.none());
        assertEquals(SourceKind.JFR, together.source().kind()); // the recording is primary whatever the order
        assertTrue(together.sources().get(1).warnings().stream().noneMatch(w -> w.contains("no wall-clock")));
    }

    private static Profile realign(Path logFile, Profile jfr, Duration offset) throws Exception {
        Instant start = jfr.info().jvmStartTime().orElseThrow();
        return new io.flightdeck.ingest.gclog.GcLogImporter().read(logFile,
                io.flightdeck.ingest.FormatDetector.detect(logFile), start.plus(offset),
                ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void rotatedPartsBesideTheCurrentFileAreReadWithIt() throws Exception {
        Profile p = log("jdk25/g1-gc-all-rotated.log");
        assertEquals(12, p.gcPauses().size());
        assertTrue(p.source().warnings().getFirst().startsWith("Read together with its rotated parts"));
    }
}
