package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;
import io.flightdeck.model.Safepoint;
import io.flightdeck.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

/**
 * GC logs as they are found in the wild (issue 15): decorations in any subset, no "Using ..." line, stopped-time
 * lines without time stamps, collections cut by other output, logs that yield nothing. Each log is small and of
 * our own making, in the shapes the wild corpus holds (../shared/wild-corpus).
 */
class WildGcLogsTest {
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();

    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }

    private Profile load(List<String> lines) throws Exception {
        return LOADER.load(write("gc.log", lines));
    }

    private static boolean within(Profile p, Instant t) {
        return !t.isBefore(p.info().start()) && !t.isAfter(p.info().end());
    }

    // --- decorations ------------------------------------------------------------------------------------------

    /** Every decorator subset the JDK writes, none of them with the tags: the message tells what a line is. */
    @ParameterizedTest
    @ValueSource(strings = {
            "[2024-01-15T10:12:13.123+0100] ",
            "[12.345s] ",
            "[12345ms] ",
            "[12345000000ns] ",
            "[1705309933123ms] ",
            "[1705309933123000000ns] ",
            "[2024-01-15T10:12:13.123+0100][12.345s] ",
            "[12.345s][info ] ",
            "[12.345s][4711][4712] ",
            "[2024-01-15T10:12:13.123+0100][build-host-01][12345ms] ",
            "[12.345s][my.host.example][info][gc] ",
            "[12.345s][buildhost][4711][4712] ",
            "[12.345s][buildhost][info] "})
    void anySubsetOfDecorationsIsAUnifiedLog(String decorations) throws Exception {
        Profile p = load(List.of(
                decorations + "GC(3) Pause Young (Normal) (G1 Evacuation Pause)",
                decorations + "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms",
                decorations.replace("[gc]", "[safepoint]")
                        + "Safepoint \"G1CollectForAllocation\", Time since last: 5 ns, Reaching safepoint: 1000 ns,"
                        + " Cleanup: 10 ns, At safepoint: 3500000 ns, Total: 3501010 ns"));
        assertEquals(SourceKind.GC_LOG, p.source().kind());
        assertEquals("unified", p.source().format());
        assertEquals(1, p.gcPauses().size(), decorations);
        GcPause pause = p.gcPauses().getFirst();
        assertEquals("Pause Young (Normal)", pause.name());
        assertEquals(Duration.ofNanos(3_456_000), pause.duration());
        assertEquals(1, p.safepoints().size());
        assertEquals("G1", p.info().gc().orElseThrow(), "no Using line: the pause names the collector");
    }

    @Test
    void jdk9To16SafepointLogKeepsItsFirstSafepoint() throws Exception {
        Profile p = load(List.of(
                "[0.029s][info][safepoint    ] Entering safepoint region: EnableBiasedLocking",
                "[0.029s][info][safepoint    ] Leaving safepoint region",
                "[0.029s][info][safepoint    ] Total time for which application threads were stopped: 0.0001635 seconds, "
                        + "Stopping threads took: 0.0001057 seconds",
                "[0.030s][info][safepoint    ] Application time: 0.0012757 seconds",
                "[0.031s][info][safepoint    ] Total time for which application threads were stopped: 0.0000643 seconds, "
                        + "Stopping threads took: 0.0000148 seconds"));
        assertEquals(2, p.safepoints().size());
        for (Safepoint s : p.safepoints()) {
            assertTrue(within(p, s.start()), "the first safepoint starts before the first line's time stamp");
        }
    }

    // --- the collector without a "Using ..." line --------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Serial|GC(0) DefNew: 983K->128K(1152K)|GC(0) Pause Young (Allocation Failure) 0M->0M(1M) 1.393ms",
            "Parallel|GC(0) PSYoungGen: 512K->432K(1024K)|GC(0) Pause Young (Allocation Failure) 0M->0M(1M) 0.762ms",
            "CMS|GC(0) ParNew: 974K->128K(1152K)|GC(0) Pause Young (Allocation Failure) 0M->0M(2M) 3.544ms",
            "G1|GC(0) Eden regions: 1->0(1)|GC(0) Pause Young (Allocation Failure) 1M->1M(4M) 5.780ms",
            "Parallel|GC(1) Summary Phase 0.093ms|GC(1) Pause Full (Metadata GC Threshold) 58M->53M(236M) 521.443ms",
            "G1|GC(1) Phase 4: Compact heap 186.709ms|GC(1) Pause Full (System.gc()) 827M->743M(1024M) 1037.637ms",
            "Shenandoah|GC(1) Concurrent reset 0.086ms|GC(1) Pause Init Mark (unload classes) 0.029ms",
            "ZGC|GC(0) Garbage Collection (Warmup) 10M(10%)->12M(12%) 0.029s|GC(0) Pause Mark Start 0.023ms"})
    void unifiedLogsNameTheirCollectorByWhatTheyWrite(String collector, String clue, String pause) throws Exception {
        Profile p = load(List.of("[0.041s][info][gc,heap] " + clue, "[0.042s][info][gc] " + pause));
        assertEquals(collector, p.info().gc().orElseThrow());
        assertEquals(1, p.gcPauses().size());
    }

    @Test
    void aSafepointOperationNamesTheCollectorAndASharedOneIsOnlyAGuess() throws Exception {
        Profile p = load(List.of(
                "[0.050s] Entering safepoint region: GenCollectForAllocation",
                "[0.051s] Total time for which application threads were stopped: 0.0010000 seconds",
                "[0.060s] GC(0) ParNew: 974K->128K(1152K)",
                "[0.060s] GC(0) Pause Young (Allocation Failure) 0M->0M(2M) 3.544ms"));
        assertEquals("CMS", p.info().gc().orElseThrow(), "GenCollect... is Serial's or CMS's; ParNew decides");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Serial|1.0: [GC (Allocation Failure) 1.0: [DefNew: 8K->1K(9K), 0.0100000 secs] 8K->5K(19K), 0.0110000 secs]",
            "Parallel|1.0: [GC [PSYoungGen: 90240K->15018K(105280K)] 90240K->31468K(225664K), 0.0334340 secs]",
            "CMS|1.0: [GC (Allocation Failure) 1.0: [ParNew1.01: [CMS-concurrent-abortable-preclean: 1.4/2.2 secs]"
                    + ": 153599K->17023K(153600K), 0.0383370 secs] 229326K->114168K(494976K), 0.0384820 secs]",
            "G1|1.0: [GC remark 1.0: [GC ref-proc, 0.1656600 secs], 0.2274544 secs]",
            "Shenandoah|2020-08-18T14:05:39.789+0000: 1.0: [Pause Init Mark, 3.341 ms]"})
    void legacyLogsNameTheirCollectorByWhatTheyWrite(String collector, String line) throws Exception {
        Profile p = load(List.of(line));
        assertEquals("legacy", p.source().format());
        assertEquals(collector, p.info().gc().orElseThrow());
        assertEquals(1, p.gcPauses().size());
    }

    @Test
    void legacyG1FullGcIsToldByItsRegionDetails() throws Exception {
        Profile p = load(List.of(
                "105.151: [Full GC (System.gc()) 5820M->1381M(30G), 5.5390169 secs]",
                "   [Eden: 80.0M(112.0M)->0.0B(128.0M) Survivors: 16.0M->0.0B Heap: 5820.3M(30.0G)->1381.9M(30.0G)]",
                " [Times: user=5.76 sys=1.00, real=5.53 secs]"));
        assertEquals("G1", p.info().gc().orElseThrow());
        assertEquals(GcKind.FULL, p.gcPauses().getFirst().kind());
        assertEquals(30L << 30, p.info().maxHeapBytes().getAsLong(), "JDK 8: the largest heap capacity printed");
    }

    @Test
    void heapAtGcPrintoutNamesTheCollector() throws Exception {
        Profile p = load(List.of(
                "28282.075: [Full GC {Heap before gc invocations=528:",
                " par new generation   total 261952K, used 261760K [0x80b90000, 0x90b90000, 0x90b90000)",
                "  eden space 261760K, 100% used [0x80b90000, 0x90b30000, 0x90b30000)",
                " concurrent mark-sweep generation total 1572864K, used 1572863K [0x90b90000, 0xf0b90000, 0xf0b90000)",
                "28282.075: [Tenured: 1572863K->1572863K(1572864K), 3.4567890 secs] 1834623K->1600000K(1834816K), "
                        + "3.4568000 secs]"));
        assertEquals("CMS", p.info().gc().orElseThrow());
        assertEquals(GcKind.FULL, p.gcPauses().getFirst().kind());
    }

    // --- JDK 8 stopped time -------------------------------------------------------------------------------------

    @Test
    void stoppedTimeLinesWithoutTimeStampsAreSafepointsOnTheLogsTimeline() throws Exception {
        Profile p = load(List.of(
                "Total time for which application threads were stopped: 0.0007600 seconds",
                "Total time for which application threads were stopped: 0.0001220 seconds",
                "16.517: [GC 16.517: [ParNew: 1819392K->289521K(2122624K), 0.3257250 secs] "
                        + "1819392K->289521K(3891072K), 0.3258050 secs] [Times: user=0.58 sys=0.05, real=0.32 secs]",
                "Total time for which application threads were stopped: 0.3260170 seconds"));
        assertEquals(3, p.safepoints().size());
        for (Safepoint s : p.safepoints()) {
            assertTrue(within(p, s.start()), s.toString());
        }
        assertTrue(p.safepoints().stream().anyMatch(s -> s.duration().equals(Duration.ofNanos(326_017_000))));
    }

    @Test
    void aStoppedTimeOnlyLogIsRead() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add("Total time for which application threads were stopped: 0.000" + (i + 1) + "000 seconds");
        }
        Profile p = load(lines);
        assertEquals("legacy", p.source().format());
        assertEquals(5, p.safepoints().size());
        assertEquals(0, p.gcPauses().size());
        Profile stamped = LOADER.load(write("stamped.log", List.of(
                "2014-06-16T07:57:14.622+0200: 30284,932: Application time: 9,8781330 seconds",
                "2014-06-16T07:57:14.623+0200: 30284,933: Total time for which application threads were stopped: "
                        + "0,0010210 seconds")));
        assertEquals(1, stamped.safepoints().size());
        assertEquals(Duration.ofNanos(1_021_000), stamped.safepoints().getFirst().duration());
    }

    // --- collections cut by other output -------------------------------------------------------------------------

    @Test
    void aCollectionSplitByTenuringOutputIsOneCollection() throws Exception {
        Profile p = load(List.of(
                "10.392: [GC",
                "Desired survivor size 497025024 bytes, new threshold 7 (max 15)",
                " [PSYoungGen: 970752K->104301K(1456128K)] 970752K->104301K(3708928K), 0.1992940 secs] "
                        + "[Times: user=0.68 sys=0.05, real=0.20 secs]"));
        assertEquals(1, p.gcPauses().size());
        assertEquals("Parallel", p.info().gc().orElseThrow());
        assertEquals(Duration.ofNanos(199_294_000), p.gcPauses().getFirst().duration());
    }

    @Test
    void aClassHistogramInsideACollectionDoesNotLoseIt() throws Exception {
        Profile p = load(List.of(
                "100.000: [GC 100.000: [ParNew (promotion failed): 516864K->516864K(516864K), 2.1875738 secs]"
                        + "102.190: [Class Histogram:",
                " num     #instances         #bytes  class name",
                "----------------------------------------------",
                "   1:       2050241     4701812112  [Ljava.lang.Object;",
                "   2:       3842390      388061760  [C",
                "32181:             1             16  org.example.Last",
                "Total      44540060     7115953848",
                ", 25.2253758 secs]",
                "127.420: [CMS CMS: abort preclean due to time 127.430: [CMS-concurrent-abortable-preclean: "
                        + "3.663/31.735 secs] [Times: user=39.81 sys=0.23, real=31.74 secs]",
                " (concurrent mode failure): 5977264K->1290167K(7331840K), 59.2834068 secs] "
                        + "6449326K->1290167K(7848704K), [CMS Perm : 473438K->450663K(771512K)], 102.3357902 secs] "
                        + "[Times: user=106.25 sys=0.21, real=102.34 secs]"));
        assertEquals(1, p.gcPauses().size());
        GcPause pause = p.gcPauses().getFirst();
        assertEquals(GcKind.FULL, pause.kind(), "promotion failed and a concurrent mode failure: old gen collected");
        assertTrue(pause.name().contains("concurrent mode failure"), pause.name());
        assertEquals("CMS", p.info().gc().orElseThrow());
        assertEquals(0, p.source().skippedLines());
    }

    @Test
    void aLogBeginningWithALongClassHistogramIsAGcLog() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(" num     #instances         #bytes  class name");
        lines.add("----------------------------------------------");
        for (int i = 1; i <= 3000; i++) {
            lines.add(String.format("%5d: %13d %14d  com.example.Class%d", i, 3001 - i, 16L * (3001 - i), i));
        }
        lines.add("Total      4501500     72024000");
        lines.add("2.000: [GC (Allocation Failure) 2.000: [DefNew: 8K->1K(9K), 0.0100000 secs] 8K->5K(19K), "
                + "0.0110000 secs]");
        Profile p = load(lines);
        assertEquals(SourceKind.GC_LOG, p.source().kind());
        assertEquals(1, p.gcPauses().size());
        assertEquals(0, p.source().skippedLines());
    }

    @Test
    void gcLoggingAfterALongApplicationPreambleIsAGcLog() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(String.format("07:19:%02d,%03d INFO  Starting service %d of the application", i % 60, i, i));
        }
        lines.add("2017-02-27T07:23:39.571+0100: [GC [ParNew: 2304000K->35161K(2688000K), 0.0759285 secs] "
                + "2304000K->35161K(9856000K), 0.0760907 secs] [Times: user=0.21 sys=0.05, real=0.08 secs]");
        Profile p = load(lines);
        assertEquals(SourceKind.GC_LOG, p.source().kind());
        assertEquals(1, p.gcPauses().size());
        assertEquals(1000, p.source().skippedLines());
    }

    @Test
    void aCollectionCutByTheEndOfTheLogStillNamesItsCollector() throws Exception {
        Profile p = load(List.of("130454.251: [Full GC (Allocation Failure) 130454.251: [CMS130456.427: "
                + "[CMS-concurrent-mark: 2.176/2.182 secs] [Times: user=2.18 sys=0.00, real=2.18 secs]"));
        assertEquals("CMS", p.info().gc().orElseThrow());
        assertEquals(0, p.gcPauses().size());
        assertEquals(1, p.gcPhases().size(), "the concurrent phase inside it completed");
        assertTrue(p.source().warnings().stream().anyMatch(w -> w.contains("the log ends inside a collection")));
    }

    // --- CMS -----------------------------------------------------------------------------------------------------

    @Test
    void parNewWithAConcurrentModeFailureAcrossLinesIsFull() throws Exception {
        Profile p = load(List.of(
                "364.157: [GC 364.157: [ParNew: 235968K->235968K(235968K), 0.0000430 secs]364.157: "
                        + "[CMSbailing out to foreground collection",
                "364.261: [CMS-concurrent-mark: 1.616/1.617 secs] [Times: user=5.08 sys=0.01, real=1.63 secs]",
                "(concurrent mode failure): 702521K->594052K(786432K), 4.9052810 secs] 938489K->594052K(1022400K), "
                        + "[CMS Perm : 22623K->22606K(37688K)], 4.9054799 secs] [Times: user=5.02 sys=0.00, real=4.91 secs]"));
        assertEquals(1, p.gcPauses().size());
        assertEquals(GcKind.FULL, p.gcPauses().getFirst().kind());
        assertEquals("GC (concurrent mode failure)", p.gcPauses().getFirst().name());
    }

    @Test
    void theParNewOfScavengeBeforeRemarkIsYoungNotASecondRemark() throws Exception {
        Profile p = load(List.of(
                "171.721: [GC (CMS Final Remark) [YG occupancy: 1056998 K (1922432 K)]171.721: [GC (CMS Final Remark) "
                        + "171.721: [ParNew: 1056998K->151245K(1922432K), 0.1588173 secs] 2442562K->1536809K(4019584K), "
                        + "0.1590552 secs] [Times: user=0.40 sys=0.01, real=0.16 secs]",
                "171.880: [Rescan (parallel) , 0.0482726 secs]171.929: [weak refs processing, 0.0000506 secs]"
                        + "171.929: [scrub string table, 0.0011214 secs][1 CMS-remark: 1385564K(2097152K)] "
                        + "1536809K(4019584K), 0.3629243 secs] [Times: user=0.65 sys=0.01, real=0.36 secs]"));
        assertEquals(List.of(GcKind.YOUNG, GcKind.REMARK), p.gcPauses().stream().map(GcPause::kind).toList());
    }

    @Test
    void aRemarkWithHeapPrintoutsAndItsScavengeOnLinesOfTheirOwnIsOneRemark() throws Exception {
        Profile p = load(List.of(
                "30.385: [GC (CMS Final Remark) {Heap before GC invocations=7 (full 2):",
                " par new generation   total 2770432K, used 451444K [0x00000005c0000000, 0x0000000681400000)",
                " concurrent mark-sweep generation total 5222400K, used 439466K [0x0000000681400000, 0x00000007c0000000)",
                "30.385: [GC (CMS Final Remark)  890910K->620060K(7992832K), 0.1223879 secs]",
                "Heap after GC invocations=8 (full 2):",
                " par new generation   total 2770432K, used 0K [0x00000005c0000000, 0x0000000681400000)",
                "}",
                " 620060K(7992832K), 0.2328529 secs]"));
        assertEquals(List.of(GcKind.YOUNG, GcKind.REMARK), p.gcPauses().stream().map(GcPause::kind).toList());
        assertEquals("CMS", p.info().gc().orElseThrow());
        assertEquals(0, p.source().skippedLines());
    }

    @Test
    void aCompleteCollectionInsideAGarbledLineIsKept() throws Exception {
        Profile p = load(List.of(
                "831626.089: [ParNew831628.158: [ParNew2016-09-30T14:11:25.873+0900: 833918.729: [GC (Allocation Failure) "
                        + "833918.729: [ParNew: 595103K->12118K(619008K), 0.0559019 secs] 1247015K->664144K(4157952K), "
                        + "0.0561698 secs] [Times: user=0.09 sys=0.00, real=0.06 secs]",
                "833959.153: [GC (Allocation Failure) 833959.154: [ParNew: 594774K->9802K(619008K), 0.0390703 secs] "
                        + "1246800K->661829K(4157952K), 0.0393509 secs]"));
        assertEquals(2, p.gcPauses().size());
        assertEquals(Duration.ofNanos(56_169_800), p.gcPauses().getFirst().duration());
    }

    @Test
    void jdk7CmsMarksGetTheCausesJdk8Names() throws Exception {
        Profile p = load(List.of(
                "362.604: [GC [1 CMS-initial-mark: 702521K(786432K)] 731910K(1022400K), 0.0402439 secs]",
                "362.644: [CMS-concurrent-mark: 1.616/1.617 secs]",
                "363.000: [GC[YG occupancy: 1234 K (5678 K)]363.000: [Rescan (parallel) , 0.0012 secs]"
                        + "363.001: [1 CMS-remark: 702521K(786432K)] 731910K(1022400K), 0.0234000 secs]"));
        assertEquals(List.of("CMS Initial Mark", "CMS Final Remark"),
                p.gcPauses().stream().map(GcPause::cause).toList());
        assertEquals(List.of(GcKind.INITIAL_MARK, GcKind.REMARK), p.gcPauses().stream().map(GcPause::kind).toList());
        assertEquals(1, p.gcPhases().size());
        Profile rotated = LOADER.load(write("rotated.log", List.of(
                "2.000: [CMS-concurrent-sweep: 1.500/1.600 secs]",
                "3.000: [GC (Allocation Failure) 3.000: [ParNew: 8K->1K(9K), 0.0100000 secs] 8K->5K(19K), 0.0110000 secs]")));
        assertTrue(within(rotated, rotated.gcPhases().getFirst().start()),
                "a phase that began before the log's first line is inside the log's span, so the phases table has it");
    }

    // --- Shenandoah backport --------------------------------------------------------------------------------------

    @Test
    void jdk8ShenandoahBackportIsRead() throws Exception {
        Profile p = load(List.of(
                "2020-08-18T14:05:37.000+0000: 854862.700: [Pause Init Mark, 3.341 ms]",
                "2020-08-18T14:05:39.789+0000: 854865.439: [Concurrent marking",
                "    Failed to allocate TLAB, 4096K",
                "    Cancelling GC: Allocation Failure",
                ", 2714.003 ms]"));
        assertEquals("Shenandoah", p.info().gc().orElseThrow());
        assertEquals(1, p.gcPauses().size());
        assertEquals(1, p.gcPhases().size());
        assertEquals("Concurrent marking", p.gcPhases().getFirst().name());
        Profile info = LOADER.load(write("shenandoah8.log", List.of(
                "Free: 48924K (192 regions), Max regular: 256K, Max humongous: 42496K, External frag: 14%, Internal frag: 0%",
                "2020-03-11T07:00:00.999-0400: 0.496: [Pause Init Mark (process weakrefs), start]",
                "    Using 2 of 2 workers for init marking",
                "    Pacer for Mark. Expected Live: 9830K, Free: 67584K, Non-Taxable: 6758K, Alloc Tax Rate: 0.2x",
                "2020-03-11T07:00:01.000-0400: 0.497: [Pause Init Mark (process weakrefs), 0.419 ms]",
                "2020-03-11T07:00:01.007-0400: 0.505: [Concurrent marking (process weakrefs), start]",
                "2020-03-11T07:00:01.011-0400: 0.509: [Concurrent marking (process weakrefs) 16434K->17268K(65536K), 4.063 ms]",
                "2021-03-23T20:57:46.427+0000: 120839.710: [Pause Full 1589M->1002M(1690M), 4077.274 ms]",
                ", [Metaspace: 6477K->6481K(1056768K)]")));
        assertEquals("Shenandoah", info.info().gc().orElseThrow());
        assertEquals(0, info.source().skippedLines(), () -> info.source().skippedSamples().toString());
        assertEquals(List.of(GcKind.CONCURRENT_CYCLE_PAUSE, GcKind.FULL),
                info.gcPauses().stream().map(GcPause::kind).toList());
        assertEquals("Concurrent marking", info.gcPhases().getFirst().name());
    }

    // --- generational ZGC and max heap ---------------------------------------------------------------------------

    @Test
    void generationalZgcPausesCarryTheirCollectionsHeapAndCause() throws Exception {
        Profile p = load(List.of(
                "[0.027s][info][gc,init] Using The Z Garbage Collector",
                "[1.441s][info][gc      ] GC(3) Minor Collection (Allocation Rate)",
                "[1.443s][info][gc,phases] GC(3) y: Pause Mark Start 0.023ms",
                "[1.479s][info][gc,phases] GC(3) y: Concurrent Mark 34.973ms",
                "[1.480s][info][gc,phases] GC(3) y: Pause Mark End 0.020ms",
                "[1.495s][info][gc,phases] GC(3) y: Pause Relocate Start 0.023ms",
                "[1.522s][info][gc      ] GC(3) Minor Collection (Allocation Rate) 88M(92%)->46M(48%) 0.080s"));
        List<GcPause> pauses = p.gcPauses();
        assertEquals(3, pauses.size());
        for (GcPause pause : pauses) {
            assertEquals("Allocation Rate", pause.cause());
        }
        assertEquals(88L << 20, pauses.getFirst().heapBeforeBytes().getAsLong());
        assertEquals(46L << 20, pauses.getLast().heapAfterBytes().getAsLong());
        assertFalse(pauses.get(1).heapAfterBytes().isPresent());
    }

    @Test
    void maxHeapFromTheHeapAddressLine() throws Exception {
        Profile p = load(List.of(
                "[0.010s][info][gc,heap,coops] Heap address: 0x00000000fc000000, size: 64 MB, Compressed Oops mode: 32-bit",
                "[0.042s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(64M) 3.456ms"));
        assertEquals(64L << 20, p.info().maxHeapBytes().getAsLong());
    }

    // --- logs that yield nothing ---------------------------------------------------------------------------------

    @Test
    void aGcLogWithNothingToReadSaysWhatItHeldAndIsNeverNotAGcLog() throws Exception {
        Path otherTags = write("dedup.log", List.of(
                "[6.962s][debug][stringdedup     ] Starting string deduplication thread",
                "[6.962s][debug][stringdedup,phases,start] Idle start"));
        ImportException e = assertThrows(ImportException.class, () -> LOADER.load(otherTags));
        assertTrue(e.getMessage().startsWith("dedup.log: is a unified GC log, but it holds no collection, pause or "
                + "safepoint"), e.getMessage());
        assertTrue(e.getMessage().contains("2 of other tags"), e.getMessage());
        Path unread = write("cut.log", List.of("OpenJDK 64-Bit Server VM warning: Failed to reserve shared memory.",
                "12.000: [GC (Allocation Failure) "));
        e = assertThrows(ImportException.class, () -> LOADER.load(unread));
        assertFalse(e.getMessage().contains("not a"), e.getMessage());
        assertTrue(e.getMessage().contains("not understood"), e.getMessage());
    }

    @Test
    void aLogWithFactsButNoRecordIsReadWithAWarning() throws Exception {
        Profile p = load(List.of(
                "[2024-12-06T09:50:52.067-0500] Using G1",
                "[2024-12-06T09:50:52.069-0500] Version: 21.0.5+10-LTS (release)",
                "[2024-12-06T09:50:52.069-0500] Heap Max Capacity: 7976M"));
        assertEquals("G1", p.info().gc().orElseThrow());
        assertEquals(7976L << 20, p.info().maxHeapBytes().getAsLong());
        assertTrue(p.source().warnings().stream().anyMatch(w -> w.startsWith("The log holds no collection")),
                p.source().warnings().toString());
    }
}
