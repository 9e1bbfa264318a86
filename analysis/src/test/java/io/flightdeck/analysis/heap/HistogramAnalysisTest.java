package io.flightdeck.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.analysis.heap.HistogramAnalysis.ClassGrowth;
import io.flightdeck.analysis.heap.HistogramAnalysis.ClassShare;
import io.flightdeck.analysis.heap.HistogramAnalysis.HistogramGrowth;
import io.flightdeck.analysis.heap.HistogramAnalysis.Point;
import io.flightdeck.analysis.heap.HistogramAnalysis.Presence;
import io.flightdeck.analysis.heap.HistogramAnalysis.SnapshotTotal;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.ClassHistogram;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jdk25 memory-leak pair of our corpus: the fixed run's histogram taken as "before", the leaking run's as
 * "after". They come from two runs, so this is a before/after comparison, not one JVM's growth, but every number
 * below is a real histogram's.
 */
class HistogramAnalysisTest {
    private static final Path FIXED = TestFiles.histogram("jdk25-memory-leak-fixed.histo.txt");
    private static final Path BAD = TestFiles.histogram("jdk25-memory-leak-bad.histo.txt");
    private static final Instant T1 = Instant.parse("2026-11-27T09:15:30Z");
    private static final Instant T2 = Instant.parse("2026-11-27T09:20:30Z");

    @TempDir
    Path dir;

    /** One file: the two real histograms appended, each after a time stamp line (as a periodic script writes). */
    private List<ClassHistogram> appended() throws Exception {
        Path file = TestFiles.appendHistograms(dir.resolve("periodic.histo.txt"),
                List.of("2026-11-27T10:15:30+01:00", "Fri Nov 27 09:20:30 UTC 2026"), List.of(FIXED, BAD));
        return ProfileLoader.withDefaults().load(file).histograms();
    }

    @Test
    void growthFromFirstToLastSnapshotPutsTheLeakFirst() throws Exception {
        HistogramGrowth g = HistogramAnalysis.growth(appended()).orElseThrow();
        assertThat(g.first()).isEqualTo(T1);
        assertThat(g.last()).isEqualTo(T2);
        assertThat(g.snapshots()).isEqualTo(2);
        assertThat(g.firstTotalBytes()).isEqualTo(11514752);
        assertThat(g.lastTotalBytes()).isEqualTo(259118008);
        assertThat(g.totalBytesGrowth()).isEqualTo(247603256);
        assertThat(g.classes()).hasSize(818);
        assertThat(g.classes()).extracting(ClassGrowth::className).startsWith("byte[]", "java.util.HashMap$Node",
                "java.util.HashMap$Node[]", "java.util.HashMap", "java.lang.String", "com.example.session.UserSession");

        ClassGrowth bytes = g.classes().getFirst();
        assertThat(bytes.presence()).isEqualTo(Presence.BOTH);
        assertThat(bytes.firstBytes()).isEqualTo(6799984);
        assertThat(bytes.lastBytes()).isEqualTo(200979064);
        assertThat(bytes.bytesGrowth()).isEqualTo(194179080);
        assertThat(bytes.instancesGrowth()).isEqualTo(516451);
        assertThat(bytes.bytesGrowthPercent().getAsDouble()).isCloseTo(2855.58, within(0.01));

        ClassGrowth session = g.of("com.example.session.UserSession").orElseThrow();
        assertThat(session.firstInstances()).isEqualTo(5000);
        assertThat(session.lastInstances()).isEqualTo(177152);
        assertThat(session.bytesGrowth()).isEqualTo(5508864);
        assertThat(session.instancesGrowthPercent().getAsDouble()).isCloseTo(3443.04, within(0.01));

        // the shrinking class comes last
        assertThat(g.classes().getLast().className()).isEqualTo("java.util.LinkedHashMap$Entry");
        assertThat(g.classes().getLast().bytesGrowth()).isEqualTo(-200000);
    }

    @Test
    void classesThatAppearOrDisappearAreIncluded() throws Exception {
        HistogramGrowth g = HistogramAnalysis.growth(appended()).orElseThrow();
        ClassGrowth registry = g.of("com.example.session.SessionRegistry").orElseThrow();
        assertThat(registry.presence()).isEqualTo(Presence.APPEARED);
        assertThat(registry.firstBytes()).isZero();
        assertThat(registry.lastBytes()).isEqualTo(16);
        assertThat(registry.bytesGrowthPercent()).isEmpty();
        ClassGrowth cache = g.of("com.example.session.BoundedSessionCache").orElseThrow();
        assertThat(cache.presence()).isEqualTo(Presence.DISAPPEARED);
        assertThat(cache.bytesGrowth()).isEqualTo(-16);
        assertThat(cache.bytesGrowthPercent().getAsDouble()).isEqualTo(-100.0);
        assertThat(g.classes().stream().filter(c -> c.presence() == Presence.APPEARED)).hasSize(32);
        assertThat(g.classes().stream().filter(c -> c.presence() == Presence.DISAPPEARED)).hasSize(33);
    }

    @Test
    void twoFilesComparedByPassingBothListsInTimeOrder() throws Exception {
        Path before = Files.copy(FIXED, dir.resolve("before.histo.txt"));
        Path after = Files.copy(BAD, dir.resolve("after.histo.txt"));
        Files.setLastModifiedTime(before, FileTime.from(T1));
        Files.setLastModifiedTime(after, FileTime.from(T2));
        ProfileLoader loader = ProfileLoader.withDefaults();
        List<ClassHistogram> both = HistogramAnalysis.inTimeOrder(
                List.of(loader.load(after).histograms(), loader.load(before).histograms()));
        assertThat(both).extracting(ClassHistogram::time).containsExactly(T1, T2);
        HistogramGrowth g = HistogramAnalysis.growth(both).orElseThrow();
        assertThat(g.classes().getFirst().className()).isEqualTo("byte[]");
        assertThat(g.classes().getFirst().bytesGrowth()).isEqualTo(194179080);
    }

    @Test
    void latestSnapshotTopClassesWithShares() throws Exception {
        List<ClassHistogram> snapshots = appended();
        List<ClassShare> byBytes = HistogramAnalysis.topByBytes(snapshots, 3);
        assertThat(byBytes).extracting(ClassShare::className)
                .containsExactly("byte[]", "java.util.HashMap$Node", "java.util.HashMap$Node[]");
        assertThat(byBytes.getFirst().bytes()).isEqualTo(200979064);
        assertThat(byBytes.getFirst().instances()).isEqualTo(551402);
        assertThat(byBytes.getFirst().bytesPercent()).isCloseTo(77.56, within(0.01));
        List<ClassShare> byInstances = HistogramAnalysis.topByInstances(snapshots, 3);
        assertThat(byInstances).extracting(ClassShare::instances).containsExactly(551402L, 536125L, 373254L);
        assertThat(byInstances.get(2).className()).isEqualTo("java.lang.String");
        assertThat(byInstances.getFirst().instancesPercent()).isCloseTo(27.02, within(0.01));
        assertThat(HistogramAnalysis.topByBytes(List.of(), 3)).isEmpty();
    }

    @Test
    void seriesAndTotalsOverAllSnapshots() throws Exception {
        List<ClassHistogram> snapshots = appended();
        assertThat(HistogramAnalysis.totals(snapshots)).containsExactly(
                new SnapshotTotal(T1, 146899, 11514752, 786), new SnapshotTotal(T2, 2040704, 259118008, 785));
        assertThat(HistogramAnalysis.series(snapshots, List.of("com.example.session.UserSession")).getFirst().points())
                .containsExactly(new Point(T1, 5000, 160000), new Point(T2, 177152, 5668864));
        var all = HistogramAnalysis.series(snapshots);
        assertThat(all).hasSize(818);
        assertThat(all.getFirst().className()).isEqualTo("byte[]");
        assertThat(all.getLast().points().getLast().bytes()).isZero(); // a class gone by the last snapshot
    }

    @Test
    void noGrowthFromOneSnapshot() throws Exception {
        List<ClassHistogram> one = ProfileLoader.withDefaults().load(BAD).histograms();
        assertThat(HistogramAnalysis.growth(one)).isEmpty();
        assertThat(HistogramAnalysis.topByBytes(one, 1).getFirst().className()).isEqualTo("byte[]");
    }
}
