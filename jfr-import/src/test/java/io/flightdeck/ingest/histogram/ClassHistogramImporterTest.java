package io.flightdeck.ingest.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.HistogramRow;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SourceKind;
import io.flightdeck.testing.TestFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real histograms of our corpus (see src/test/resources/histograms/README.md), read through the ProfileLoader. */
class ClassHistogramImporterTest {
    private static final Path BOXING17 = TestFiles.histogram("jdk17-allocation-boxing-bad.histo.txt");
    private static final Path LEAK25_BAD = TestFiles.histogram("jdk25-memory-leak-bad.histo.txt");
    private static final Path LEAK25_FIXED = TestFiles.histogram("jdk25-memory-leak-fixed.histo.txt");
    private static final Path JDK8 = TestFiles.histogram("jdk8-format-reconstructed.histo.txt");
    private static final Instant MODIFIED = Instant.parse("2026-11-27T09:20:00Z");

    @TempDir
    Path dir;

    private Profile load(Path file) throws ImportException {
        return ProfileLoader.withDefaults().load(file);
    }

    /** A copy with a known last-modified time. */
    private Path copy(Path source) throws IOException {
        Path target = Files.copy(source, dir.resolve(source.getFileName()));
        target.toFile().setWritable(true);
        Files.setLastModifiedTime(target, FileTime.from(MODIFIED));
        return target;
    }

    @Test
    void readsJdk17HistogramWithPidLineTopRowAndTotal() throws Exception {
        Profile p = load(copy(BOXING17));
        assertThat(p.source().kind()).isEqualTo(SourceKind.CLASS_HISTOGRAM);
        assertThat(p.source().format()).isEqualTo("class histogram (JDK 9+)");
        assertThat(p.source().skippedLines()).isZero();
        assertThat(p.histograms()).hasSize(1);
        ClassHistogram h = p.histograms().getFirst();
        assertThat(h.origin()).isEqualTo("class-histogram");
        assertThat(h.rows()).hasSize(612);
        assertThat(h.rows().getFirst())
                .isEqualTo(new HistogramRow("java.lang.Long", 200646, 4815504, Optional.of("java.base@17.0.15")));
        assertThat(h.rows().get(1)).isEqualTo(new HistogramRow("[J", 9, 1601680, Optional.of("java.base@17.0.15")));
        assertThat(h.totalInstances()).isEqualTo(270440);
        assertThat(h.totalBytes()).isEqualTo(10707840);
        // a lambda (hidden class) of the unnamed module: no module column
        assertThat(h.rows()).contains(new HistogramRow(
                "com.example.metrics.MetricsAggregator$$Lambda$90/0x00007fe9a8007c10", 1, 16, Optional.empty()));
        assertThat(p.info().pid()).hasValue(5196);
        assertThat(p.info().javaVersion()).hasValue("17.0.15");
        assertThat(p.info().chunks()).isZero();
        // no time stamp line: the file's last-modified time, said in one warning
        assertThat(h.time()).isEqualTo(MODIFIED);
        assertThat(p.info().start()).isEqualTo(MODIFIED);
        assertThat(p.info().end()).isEqualTo(MODIFIED);
        assertThat(p.source().warnings()).containsExactly(
                "no time stamp line precedes the snapshot, so its time is estimated as the file's last-modified time");
        assertThat(p.samples(SampleKind.CPU).size()).isZero();
        assertThat(p.gcPauses()).isEmpty();
    }

    @Test
    void readsJdk25LeakHistogramSortedByBytes() throws Exception {
        Profile p = load(LEAK25_BAD);
        ClassHistogram h = p.histograms().getFirst();
        assertThat(h.rows()).hasSize(785);
        assertThat(h.rows().getFirst()).isEqualTo(new HistogramRow("[B", 551402, 200979064, Optional.of("java.base@25.0.3")));
        assertThat(h.rows().get(1).className()).isEqualTo("java.util.HashMap$Node");
        assertThat(h.totalInstances()).isEqualTo(2040704);
        assertThat(h.totalBytes()).isEqualTo(259118008);
        assertThat(p.info().pid()).hasValue(3155);
        assertThat(p.info().javaVersion()).hasValue("25.0.3");
        for (int i = 1; i < h.rows().size(); i++) {
            assertThat(h.rows().get(i).bytes()).isLessThanOrEqualTo(h.rows().get(i - 1).bytes());
        }
    }

    @Test
    void readsGzipCompressedHistogram() throws Exception {
        Path gz = dir.resolve("fixed.histo.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(LEAK25_FIXED, out);
        }
        Profile p = load(gz);
        ClassHistogram h = p.histograms().getFirst();
        assertThat(p.source().format()).isEqualTo("class histogram (JDK 9+)");
        assertThat(h.rows()).hasSize(786);
        assertThat(h.rows().getFirst()).isEqualTo(new HistogramRow("[B", 34951, 6799984, Optional.of("java.base@25.0.3")));
        assertThat(h.totalInstances()).isEqualTo(146899);
        assertThat(h.totalBytes()).isEqualTo(11514752);
    }

    @Test
    void readsJdk8FormatWithoutModuleColumn() throws Exception {
        Profile p = load(JDK8);
        assertThat(p.source().format()).isEqualTo("class histogram (JDK 8)");
        ClassHistogram h = p.histograms().getFirst();
        assertThat(h.rows()).hasSize(612);
        assertThat(h.rows().getFirst()).isEqualTo(new HistogramRow("java.lang.Long", 200646, 4815504, Optional.empty()));
        assertThat(h.rows().get(2)).isEqualTo(new HistogramRow("[Ljava.lang.Object;", 2541, 1128576, Optional.empty()));
        assertThat(h.totalInstances()).isEqualTo(270440);
        assertThat(h.totalBytes()).isEqualTo(10707840);
        assertThat(p.info().pid()).isEmpty();
        assertThat(p.info().javaVersion()).isEmpty();
        assertThat(p.source().skippedLines()).isZero();
    }

    /** Two real histograms (the fixed run, then the leaking run) appended with time stamp lines between. */
    @Test
    void readsAppendedSnapshotsWithTheirTimeStamps() throws Exception {
        Path multi = TestFiles.appendHistograms(dir.resolve("periodic.histo.txt"),
                List.of("2026-11-27T10:15:30+01:00", "Fri Nov 27 10:20:30 UTC 2026"), List.of(LEAK25_FIXED, LEAK25_BAD));
        Profile p = load(multi);
        assertThat(p.histograms()).hasSize(2);
        ClassHistogram first = p.histograms().getFirst();
        ClassHistogram last = p.histograms().getLast();
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
        assertThat(last.time()).isEqualTo(Instant.parse("2026-11-27T10:20:30Z"));
        assertThat(first.totalBytes()).isEqualTo(11514752);
        assertThat(first.totalInstances()).isEqualTo(146899);
        assertThat(last.totalBytes()).isEqualTo(259118008);
        assertThat(last.totalInstances()).isEqualTo(2040704);
        assertThat(p.info().start()).isEqualTo(first.time());
        assertThat(p.info().end()).isEqualTo(last.time());
        assertThat(p.source().warnings()).isEmpty();
        assertThat(p.source().skippedLines()).isZero();
    }

    @Test
    void estimatesTimesOneSecondApartEndingAtLastModifiedWhenNoStampIsPresent() throws Exception {
        Path multi = TestFiles.appendHistograms(dir.resolve("periodic.histo.txt"), Arrays.asList(null, null, null),
                List.of(LEAK25_FIXED, BOXING17, LEAK25_BAD));
        Files.setLastModifiedTime(multi, FileTime.from(MODIFIED));
        Profile p = load(multi);
        assertThat(p.histograms()).extracting(ClassHistogram::time).containsExactly(
                MODIFIED.minusSeconds(2), MODIFIED.minusSeconds(1), MODIFIED);
        assertThat(p.histograms()).extracting(ClassHistogram::totalBytes).containsExactly(11514752L, 10707840L, 259118008L);
        assertThat(p.source().warnings()).containsExactly("no time stamp line precedes the snapshots, so their times"
                + " are estimated: the last at the file's last-modified time, the others 1 s apart before it");
    }

    @Test
    void cutMidRowKeepsTheRowsBeforeAndWarns() throws Exception {
        // row 300 of the leak histogram is line 303: cut 50 characters into it, inside the class name
        Path cut = cutInsideLine(LEAK25_BAD, 303, 50);
        Profile p = load(cut);
        ClassHistogram h = p.histograms().getFirst();
        assertThat(h.rows()).hasSize(299);
        assertThat(h.totalInstances()).isEqualTo(2039985);
        assertThat(h.totalBytes()).isEqualTo(259098680);
        assertThat(p.source().skippedLines()).isEqualTo(1);
        assertThat(p.source().warnings()).contains(
                "the last line ends mid-row without a line break; its row (jdk.internal.m) was left out",
                "snapshot 1 has no Total line, so the file seems cut off: its 299 rows read add up to 259098680 bytes"
                        + " and 2039985 instances");
    }

    @Test
    void cutInsideTheNumbersCountsTheFragmentAsSkipped() throws Exception {
        Path cut = cutInsideLine(LEAK25_BAD, 303, 20);
        Profile p = load(cut);
        assertThat(p.histograms().getFirst().rows()).hasSize(299);
        assertThat(p.histograms().getFirst().totalBytes()).isEqualTo(259098680);
        assertThat(p.source().skippedLines()).isEqualTo(1);
        assertThat(p.source().warnings()).anyMatch(w -> w.startsWith("snapshot 1 has no Total line, so the file seems cut off"));
    }

    @Test
    void totalThatDoesNotAddUpIsNamedInAWarning() throws Exception {
        String text = Files.readString(BOXING17).replace("Total        270440       10707840",
                "Total        270441       10707850");
        Profile p = load(Files.writeString(dir.resolve("off.histo.txt"), text));
        assertThat(p.histograms().getFirst().totalBytes()).isEqualTo(10707840);
        assertThat(p.source().warnings()).contains("snapshot 1: its 612 rows add up to 10707840 bytes and 270440"
                + " instances, but its Total line says 10707850 bytes and 270441 instances (10 bytes and 1 instances"
                + " not in the rows read)");
    }

    @Test
    void garbageLinesAreCountedNotFatal() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(BOXING17));
        lines.add(10, "WARNING: something unrelated was printed here");
        lines.add(100, "  12: not a row");
        lines.add(400, "\u0000\u0001 binary junk");
        Profile p = load(Files.write(dir.resolve("noisy.histo.txt"), lines, StandardCharsets.UTF_8));
        ClassHistogram h = p.histograms().getFirst();
        assertThat(h.rows()).hasSize(612);
        assertThat(h.totalBytes()).isEqualTo(10707840);
        assertThat(p.source().skippedLines()).isEqualTo(3);
        assertThat(p.source().warnings()).contains("3 lines were not understood and skipped (the first, line 11:"
                + " \"WARNING: something unrelated was printed here\")");
    }

    @Test
    void fileWithoutRowsIsOneLineError() throws Exception {
        Path empty = Files.writeString(dir.resolve("header-only.txt"),
                " num     #instances         #bytes  class name (module)\n"
                        + "-------------------------------------------------------\nTotal 0 0\nsomething else\n");
        assertThatThrownBy(() -> new ClassHistogramImporter().read(empty, false, ProgressListener.NONE,
                CancellationToken.none())).isInstanceOf(ImportException.class)
                .hasMessage("header-only.txt: holds no class histogram rows (1 line not understood)");
    }

    @Test
    void cancelledImportStops() throws Exception {
        Path big = TestFiles.appendHistograms(dir.resolve("big.histo.txt"), Arrays.asList(null, null, null, null, null,
                null, null, null), List.of(LEAK25_BAD, LEAK25_BAD, LEAK25_BAD, LEAK25_BAD, LEAK25_BAD, LEAK25_BAD,
                LEAK25_BAD, LEAK25_BAD));
        CancellationToken token = CancellationToken.none();
        token.cancel();
        assertThatThrownBy(() -> new ClassHistogramImporter().read(big, false, ProgressListener.NONE, token))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    private Path cutInsideLine(Path source, int lineNumber, int chars) throws IOException {
        String text = Files.readString(source);
        int offset = 0;
        for (int i = 1; i < lineNumber; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Files.writeString(dir.resolve("cut-" + chars + "-" + source.getFileName()), text.substring(0, offset + chars));
    }
}
