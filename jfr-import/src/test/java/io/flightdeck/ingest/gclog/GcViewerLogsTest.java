package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.GcEvent;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.GcPhase;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceKind;
import io.flightdeck.testing.TestFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real logs from GCViewer's test suite (copied into our test resources with their license). Expected figures are
 * what the lines say, counted from the files, or — where noted — the figure GCViewer's own test asserts.
 */
class GcViewerLogsTest {
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();

    private static Profile read(String name) throws ImportException {
        return LOADER.load(TestFiles.gcviewerLog(name));
    }

    private static double totalSeconds(Profile p) {
        return p.gcPauses().stream().mapToLong(x -> x.duration().toNanos()).sum() / 1e9;
    }

    private static Map<GcKind, Long> kinds(Profile p) {
        return p.gcPauses().stream().collect(Collectors.groupingBy(GcPause::kind, Collectors.counting()));
    }

    private static double uptime(Profile p, GcPause pause) {
        return Duration.between(p.info().jvmStartTime().orElseThrow(), pause.start()).toNanos() / 1e9;
    }

    @Test
    void unifiedSerialDefaultsCountsEveryPauseLine() throws Exception {
        Profile p = read("sample-ujl-serial-gc-defaults.txt");
        assertEquals(SourceKind.GC_LOG, p.source().kind());
        assertEquals("unified", p.source().format());
        assertEquals("Serial", p.info().gc().orElseThrow());
        assertEquals(11, p.gcPauses().size());
        assertEquals(Map.of(GcKind.YOUNG, 8L, GcKind.FULL, 3L), kinds(p)); // GCViewer asserts 8 and 3 too
        assertEquals(0.083938, totalSeconds(p), 1e-9);
        GcPause first = p.gcPauses().getFirst();
        assertEquals(0, first.gcId());
        assertEquals("Pause Young", first.name());
        assertEquals("Allocation Failure", first.cause());
        assertEquals(0.011421, first.duration().toNanos() / 1e9, 1e-9);
        assertEquals(0.202 - 0.011421, uptime(p, first), 1e-9); // logged when it ended
        assertEquals(25L << 20, first.heapBeforeBytes().getAsLong());
        assertEquals(23L << 20, first.heapAfterBytes().getAsLong());
        assertEquals(92L << 20, first.heapCommittedBytes().getAsLong());
        assertEquals(0, p.source().skippedLines());
        assertEquals(12, p.source().lines());
    }

    @Test
    void unifiedG1KeepsACycleTogetherAndNotesToSpaceExhaustion() throws Exception {
        Profile p = read("sample-ujl-g1-gc-defaults.txt");
        assertEquals(10, p.gcPauses().size());
        // GC(5) "Pause Initial Mark" is G1's young pause that starts marking
        assertEquals(Map.of(GcKind.YOUNG, 6L, GcKind.MIXED, 1L, GcKind.REMARK, 1L, GcKind.CLEANUP, 1L,
                GcKind.FULL, 1L), kinds(p));
        assertEquals(0.03815, totalSeconds(p), 1e-9);
        assertEquals(3, p.gcPauses().stream().filter(x -> x.name().contains("to-space exhausted")).count());
        GcEvent cycle = p.gcEvents().stream().filter(e -> e.gcId() == 6).findFirst().orElseThrow();
        assertEquals(Duration.ofNanos(42_463_000), cycle.duration());
        assertEquals(Duration.ofNanos(837_000 + 1_000), cycle.sumOfPauses()); // Remark + Cleanup
    }

    @Test
    void unifiedParallelAndCms() throws Exception {
        Profile parallel = read("sample-ujl-parallel-gc-defaults.txt");
        assertEquals(Map.of(GcKind.YOUNG, 5L, GcKind.FULL, 6L), kinds(parallel));
        Profile cms = read("sample-ujl-cms-gc-defaults.txt");
        assertEquals("CMS", cms.info().gc().orElseThrow());
        assertEquals(Map.of(GcKind.YOUNG, 3L, GcKind.INITIAL_MARK, 1L, GcKind.REMARK, 1L, GcKind.FULL, 1L),
                kinds(cms));
        List<String> phases = cms.gcPhases().stream().map(GcPhase::name).toList();
        assertEquals(List.of("Concurrent Mark", "Concurrent Preclean", "Concurrent Abortable Preclean",
                "Concurrent Sweep", "Concurrent Reset"), phases);
        assertEquals(Duration.ofNanos(16_163_000), cms.gcPhases().get(2).duration());
    }

    @Test
    void unifiedShenandoahFullGc() throws Exception {
        Profile p = read("SampleShenandoahAllocationFailure.txt");
        assertEquals("Shenandoah", p.info().gc().orElseThrow());
        assertEquals(1, p.gcPauses().size());
        GcPause full = p.gcPauses().getFirst();
        assertEquals(GcKind.FULL, full.kind());
        assertEquals(14.289335, full.duration().toNanos() / 1e9, 1e-9); // GCViewer asserts 14.289335 s
        assertEquals(7943L << 20, full.heapBeforeBytes().getAsLong());
        assertEquals(6013L << 20, full.heapAfterBytes().getAsLong());
        assertEquals(8192L << 20, full.heapCommittedBytes().getAsLong());
        assertEquals(0, p.gcPhases().size()); // "Phase 1: Mark live objects" and the rest run inside the pause
    }

    @Test
    void unifiedShenandoahJdk17CycleHasFourPausesAndConcurrentPhases() throws Exception {
        Profile p = read("Sample-ujl-shenandoah-jdk17.txt");
        assertEquals("Shenandoah", p.info().gc().orElseThrow());
        assertTrue(p.gcPauses().stream().allMatch(x -> x.kind() == GcKind.CONCURRENT_CYCLE_PAUSE));
        assertEquals(List.of("Pause Init Mark", "Pause Final Mark", "Pause Init Update Refs", "Pause Final Update Refs"),
                p.gcPauses().stream().map(GcPause::name).map(n -> n.replace(" (unload classes)", "")).toList());
        assertTrue(p.gcPhases().stream().anyMatch(x -> x.name().equals("Concurrent marking roots")
                && x.duration().equals(Duration.ofNanos(13_066_000)))); // GCViewer: event[2] 0.013066 s
    }

    @Test
    void unifiedZgcPausesStallsAndCycle() throws Exception {
        Profile p = read("sample-ujl-zgc-gc-other.txt");
        assertEquals("ZGC", p.info().gc().orElseThrow());
        assertEquals(List.of("Pause Mark Start", "Pause Mark End", "Pause Relocate Start"),
                p.gcPauses().stream().map(GcPause::name).toList());
        assertEquals(0.000025, totalSeconds(p), 1e-12);
        assertEquals(14, p.stalls().size());
        assertEquals("Allocation Stall", p.stalls().getFirst().kind());
        GcEvent cycle = p.gcEvents().stream().filter(e -> e.gcId() == 25).findFirst().orElseThrow();
        assertEquals(Duration.ofMillis(1315), cycle.duration()); // 200.343 s start line to 201.658 s end line
        assertEquals(3334L << 20, cycle.heapBeforeBytes().getAsLong());
        assertEquals(2230L << 20, cycle.heapAfterBytes().getAsLong());
    }

    @Test
    void legacyAdaptiveSizePolicyInterjectionsAreDropped() throws Exception {
        // GCViewer asserts 3 full, 6 other pauses and 0.1978746 s in total for this file
        Profile p = read("SampleSun1_4_0AdaptiveSizePolicy.txt");
        assertEquals("legacy", p.source().format());
        assertEquals(Map.of(GcKind.YOUNG, 6L, GcKind.FULL, 3L), kinds(p));
        assertEquals(0.1978746, totalSeconds(p), 1e-9);
        assertEquals(0, p.source().skippedLines());
    }

    @Test
    void legacySerialDetailsTenuredCollectionIsFull() throws Exception {
        Profile p = read("SampleSun1_4_2PrintGCDetails.txt");
        assertEquals("Serial", p.info().gc().orElseThrow());
        assertEquals(List.of(GcKind.YOUNG, GcKind.FULL, GcKind.FULL, GcKind.FULL),
                p.gcPauses().stream().map(GcPause::kind).toList()); // the third is DefNew + Tenured
        assertEquals(0.0084272 + 0.2858561 + 0.8142078 + 0.8036514, totalSeconds(p), 1e-9);
        assertEquals(1534L << 10, p.gcPauses().getFirst().heapBeforeBytes().getAsLong());
        assertEquals(276L << 10, p.gcPauses().getFirst().heapAfterBytes().getAsLong());
    }

    @Test
    void legacyCmsWithStoppedTimeAndTenuringDistribution() throws Exception {
        Profile p = read("SampleSun1_7_0_51_CMS_PrintApplStoppedTime_TenuringDist.txt");
        assertEquals("CMS", p.info().gc().orElseThrow());
        // ParNew, initial mark, the ParNew run inside the remark (CMSScavengeBeforeRemark), remark, ParNew
        assertEquals(List.of(GcKind.YOUNG, GcKind.INITIAL_MARK, GcKind.YOUNG, GcKind.REMARK, GcKind.YOUNG),
                p.gcPauses().stream().map(GcPause::kind).toList());
        assertEquals(0.0318639 + 0.0001983 + 0.0002310 + 0.0015702 + 0.0142498, totalSeconds(p), 1e-9);
        assertEquals(4, p.safepoints().size());
        assertEquals(0.0320233 + 0.0003183 + 0.0018196 + 0.0144575,
                p.safepoints().stream().mapToLong(s -> s.duration().toNanos()).sum() / 1e9, 1e-9);
        assertEquals(5, p.gcPhases().size());
        assertEquals("CMS-concurrent-mark", p.gcPhases().getFirst().name());
        // promoted by the first ParNew: what left the young generation minus what left the heap
        double promoted = p.series(SeriesKey.PROMOTED_BYTES).orElseThrow().value(0);
        assertEquals(((42995 - 4706) - (78525 - 78471)) * 1024.0, promoted, 0.5);
        assertTrue(p.info().jvmStartTime().isPresent()); // date stamps and uptimes place the JVM start
    }

    @Test
    void legacyConcurrentModeFailures() throws Exception {
        Profile p = read("SampleSun1_5_0ConcurrentModeFailure.txt");
        assertEquals(3409, p.gcPauses().size()); // 3408 "[GC " / "[Full GC" lines and one "[GC[YG occupancy" remark
        assertEquals(149, kinds(p).get(GcKind.FULL));
        assertEquals(181.8116798, totalSeconds(p), 1e-7); // GCViewer asserts the same total
        assertEquals(149, p.gcPauses().stream().filter(x -> x.name().contains("concurrent mode failure")).count());
    }

    @Test
    void legacyG1DetailsGiveTheHeap() throws Exception {
        Profile p = read("SampleSun1_6_0G1_young_toSpaceOverflow.txt");
        GcPause pause = p.gcPauses().getFirst();
        assertEquals(1, p.gcPauses().size());
        assertEquals(0.04674512, pause.duration().toNanos() / 1e9, 1e-9);
        assertTrue(pause.name().contains("to-space overflow"), pause.name());
        assertEquals(228L << 20, pause.heapBeforeBytes().getAsLong());
        assertEquals(102L << 20, pause.heapAfterBytes().getAsLong());
        assertEquals(256L << 20, pause.heapCommittedBytes().getAsLong());
    }

    @Test
    void legacyShenandoahBackport() throws Exception {
        Profile p = read("SampleOpenJdk1_8_0-332.txt");
        assertEquals("Shenandoah", p.info().gc().orElseThrow());
        assertEquals(0.197536, totalSeconds(p), 1e-9); // GCViewer asserts 0.197536 s
        assertEquals("1.8.0-internal-cuieilong_2022_08_16_16_23-b00", p.info().javaVersion().orElseThrow());
        assertEquals(4184705024L, p.info().maxHeapBytes().getAsLong()); // -XX:MaxHeapSize on the CommandLine line
    }

    @Test
    void gzipCompressedLegacyLogWithHeapPrintouts() throws Exception {
        Profile p = read("SampleSun1_6_0PrintHeapAtGC.txt.gz");
        assertEquals(List.of(0.0134287, 0.0142312),
                p.gcPauses().stream().map(x -> x.duration().toNanos() / 1e9).toList());
        assertEquals(0, p.source().skippedLines());
    }

    @Test
    void logWithoutTimeStampsKeepsPausesButHasNoTimeSpan() throws Exception {
        Profile p = read("SampleSun1_3_1_19SunOS.txt");
        assertEquals(5089, p.gcPauses().size());
        assertEquals(3, kinds(p).get(GcKind.FULL));
        assertEquals(Duration.ZERO, p.info().duration());
        assertTrue(p.source().warnings().stream().anyMatch(w -> w.contains("no time stamps")));
    }

    @Test
    void rotatedSeriesEqualsTheMergedFileWhateverTheOrder() throws Exception {
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            parts.add(TestFiles.gcviewerLog("SampleSun1_8_0Series-Part" + i + ".txt"));
        }
        Collections.shuffle(parts, new java.util.Random(7));
        Profile series = LOADER.loadTogether(parts, io.flightdeck.ingest.ProgressListener.NONE,
                io.flightdeck.ingest.CancellationToken.none());
        Profile merged = read("SampleSun1_8_0Series-ManuallyMerged.txt");
        assertEquals(536, merged.gcPauses().size());
        assertEquals(merged.gcPauses().size(), series.gcPauses().size());
        assertEquals(totalSeconds(merged), totalSeconds(series), 1e-9);
        Function<Profile, List<java.time.Instant>> starts = x -> x.gcPauses().stream().map(GcPause::start).toList();
        assertEquals(starts.apply(merged), starts.apply(series));
        // the merged copy beside its parts adds nothing: a pause seen twice is kept once
        List<Path> all = new ArrayList<>(parts);
        all.add(TestFiles.gcviewerLog("SampleSun1_8_0Series-ManuallyMerged.txt"));
        Profile both = LOADER.loadTogether(all, io.flightdeck.ingest.ProgressListener.NONE,
                io.flightdeck.ingest.CancellationToken.none());
        assertEquals(536, both.gcPauses().size());
    }
}
