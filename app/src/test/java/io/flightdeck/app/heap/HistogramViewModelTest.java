package io.flightdeck.app.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.heap.HistogramAnalysis;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.ClassHistogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view's numbers from two real histograms of our corpus (jfr-import's fixtures): fixed run, then leaking run. */
class HistogramViewModelTest {
    private static final Path FIXTURES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolveSibling("jfr-import").resolve("src/test/resources/histograms");

    @TempDir
    Path dir;

    private List<ClassHistogram> load(String name, Instant modified) throws Exception {
        Path copy = Files.copy(FIXTURES.resolve(name), dir.resolve(name));
        Files.setLastModifiedTime(copy, FileTime.from(modified));
        return ProfileLoader.withDefaults().load(copy).histograms();
    }

    @Test
    void growthTableAppearsWithTwoSnapshots() throws Exception {
        List<ClassHistogram> both = HistogramAnalysis.inTimeOrder(List.of(
                load("jdk25-memory-leak-fixed.histo.txt", Instant.parse("2026-11-27T09:15:30Z")),
                load("jdk25-memory-leak-bad.histo.txt", Instant.parse("2026-11-27T09:20:30Z"))));
        HistogramViewModel vm = new HistogramViewModel(both, new InlineTaskRunner());
        vm.load();
        HistogramViewModel.Data data = vm.dataProperty().get();
        assertThat(data.snapshots()).isEqualTo(2);
        assertThat(data.top().getFirst().className()).isEqualTo("byte[]");
        assertThat(data.top().getFirst().bytes()).isEqualTo(200979064);
        assertThat(data.growth()).isPresent();
        assertThat(data.growth().get().classes().getFirst().bytesGrowth()).isEqualTo(194179080);
        assertThat(data.summary()).contains("grew most: byte[]");
    }

    @Test
    void oneSnapshotHasNoGrowth() throws Exception {
        HistogramViewModel vm = new HistogramViewModel(
                load("jdk17-allocation-boxing-bad.histo.txt", Instant.parse("2026-11-27T09:20:30Z")),
                new InlineTaskRunner());
        vm.load();
        assertThat(vm.dataProperty().get().growth()).isEmpty();
        assertThat(vm.dataProperty().get().top().getFirst().className()).isEqualTo("java.lang.Long");
        assertThat(vm.dataProperty().get().top().getFirst().instances()).isEqualTo(200646);
    }

    @Test
    void signedFormats() {
        assertThat(HistogramViewModel.signedBytes(-16)).isEqualTo("−16 B");
        assertThat(HistogramViewModel.signedBytes(1536)).isEqualTo("+1.50 KiB");
        assertThat(HistogramViewModel.signedPercent(Double.POSITIVE_INFINITY)).isEqualTo("new");
        assertThat(HistogramViewModel.signedPercent(-100)).isEqualTo("-100.0 %");
    }
}
