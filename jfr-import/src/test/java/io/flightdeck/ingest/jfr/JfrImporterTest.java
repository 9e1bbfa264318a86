package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.testing.TestFiles;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JfrImporterTest {
    private static final ProfileLoader LOADER = new ProfileLoader(ImportOptions.defaults().withParallelism(2));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cpu-hotspot.jfr", "lock-contention.jfr", "allocation-churn.jfr", "multi-chunk.jfr"})
    void eventCountsEqualTheJdksJfrSummary(String name) throws Exception {
        Path file = TestFiles.sample(name);
        Profile profile = LOADER.load(file);
        Map<String, Long> expected = TestFiles.jfrSummaryCounts(file);
        assertThat(expected).isNotEmpty();
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertThat(profile.eventCount(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(profile.source().warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu-hotspot.jfr", "lock-contention.jfr", "allocation-churn.jfr", "multi-chunk.jfr"})
    void everyCountedEventOfADecodedTypeIsInTheColumns(String name) throws Exception {
        Profile p = LOADER.load(TestFiles.sample(name));
        assertThat(p.samples(SampleKind.CPU).size()).isEqualTo((int) p.eventCount(JfrTypes.EXECUTION_SAMPLE));
        assertThat(p.samples(SampleKind.ALLOCATION).size()).isEqualTo((int) p.eventCount(JfrTypes.OBJECT_ALLOCATION_SAMPLE));
        assertThat(p.samples(SampleKind.MONITOR_ENTER).size()).isEqualTo((int) p.eventCount(JfrTypes.JAVA_MONITOR_ENTER));
        assertThat(p.samples(SampleKind.THREAD_PARK).size()).isEqualTo((int) p.eventCount(JfrTypes.THREAD_PARK));
        assertThat(p.samples(SampleKind.THREAD_START).size()).isEqualTo((int) p.eventCount(JfrTypes.THREAD_START));
        assertThat(p.gcEvents()).hasSize((int) p.eventCount(JfrTypes.GARBAGE_COLLECTION));
    }

    @Test
    void recordingFactsComeFromTheJvmEvents() throws Exception {
        Profile p = LOADER.load(TestFiles.sample("cpu-hotspot.jfr"));
        assertThat(p.info().formatVersion()).isEqualTo("2.1");
        assertThat(p.info().chunks()).isEqualTo(1);
        assertThat(p.info().javaFeatureVersion()).hasValue(25);
        assertThat(p.info().gc()).hasValue("G1");
        assertThat(p.info().maxHeapBytes()).hasValue(256L * 1024 * 1024);
        assertThat(p.info().jvmArguments().orElseThrow()).contains("settings=profile");
        assertThat(p.info().javaArguments().orElseThrow()).startsWith("io.flightdeck.samples.scenario.Scenario cpu-hotspot");
        assertThat(p.info().cpuCount()).isPresent();
        assertThat(p.info().duration().toMillis()).isBetween(4000L, 7000L);
        assertThat(p.series(SeriesKey.CPU_JVM_USER)).isPresent();
        assertThat(p.eventSettings().get(JfrTypes.EXECUTION_SAMPLE)).containsEntry("enabled", "true");
    }

    @Test
    void plantedHotMethodHasTheMostSamplesOnStack() throws Exception {
        Profile p = LOADER.load(TestFiles.sample("cpu-hotspot.jfr"));
        SampleSet cpu = p.samples(SampleKind.CPU);
        int withPlanted = 0;
        for (int i = 0; i < cpu.size(); i++) {
            int stack = cpu.stack(i);
            for (int f = 0; stack >= 0 && f < p.stacks().depth(stack); f++) {
                if (p.methods().qualifiedName(p.frames().method(p.stacks().frame(stack, f)))
                        .equals("io.flightdeck.samples.scenario.CatalogSearch.findBySku")) {
                    withPlanted++;
                    break;
                }
            }
        }
        assertThat(withPlanted).isGreaterThan(cpu.size() * 8 / 10);
    }

    @Test
    void chunksDecodedInParallelGiveTheSameProfileAsOneAfterTheOther() throws Exception {
        Path file = TestFiles.sample("multi-chunk.jfr");
        Profile parallel = new ProfileLoader(ImportOptions.defaults().withParallelism(3)).load(file);
        Profile sequential = new ProfileLoader(ImportOptions.defaults().withParallelism(1)).load(file);
        assertThat(parallel.info().chunks()).isEqualTo(3);
        assertThat(sequential.info().chunks()).isEqualTo(3);
        assertThat(parallel.eventStats()).isEqualTo(sequential.eventStats());
        assertThat(stackNames(parallel)).isEqualTo(stackNames(sequential));
        assertThat(parallel.info().start()).isEqualTo(sequential.info().start());
        assertThat(parallel.info().end()).isEqualTo(sequential.info().end());
    }

    @Test
    void aCutMultiChunkRecordingKeepsItsIntactChunksAndSaysWhatWasLost() throws Exception {
        Path file = TestFiles.sample("multi-chunk.jfr");
        Profile whole = LOADER.load(file);
        Path cut = TestFiles.cut(file, 0.6, dir);
        Profile partial = LOADER.load(cut);
        assertThat(partial.source().warnings()).singleElement().asString().contains("is cut");
        assertThat(partial.samples(SampleKind.CPU).size()).isPositive()
                .isLessThan(whole.samples(SampleKind.CPU).size());
        assertThat(partial.info().end()).isBefore(whole.info().end());
    }

    @Test
    void aCutSingleChunkRecordingIsReadUpToTheCut() throws Exception {
        Path file = TestFiles.sample("cpu-hotspot.jfr");
        Profile whole = LOADER.load(file);
        Profile partial = LOADER.load(TestFiles.cut(file, 0.6, dir));
        assertThat(partial.source().warnings()).singleElement().asString()
                .contains("the recording is cut").contains("60 %");
        // events come before the constant pools and the metadata in a finished chunk: every sample survives
        assertThat(partial.samples(SampleKind.CPU).size()).isPositive()
                .isLessThanOrEqualTo(whole.samples(SampleKind.CPU).size());
        assertThat(partial.eventCount(JfrTypes.EXECUTION_SAMPLE)).isEqualTo(partial.samples(SampleKind.CPU).size());
    }

    @Test
    void aFileCutBeforeAnyConstantPoolFailsWithOneLine() throws Exception {
        Path cut = TestFiles.cut(TestFiles.sample("cpu-hotspot.jfr"), 0.05, dir);
        assertThatThrownBy(() -> LOADER.load(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(cut.getFileName() + ": no readable data")
                .hasMessageNotContaining("\n");
    }

    @Test
    void bytesAfterTheLastChunkAreReportedAndIgnored() throws Exception {
        Path file = TestFiles.sample("cpu-hotspot.jfr");
        Path padded = dir.resolve("padded.jfr");
        Files.write(padded, Files.readAllBytes(file));
        Files.write(padded, "trailing garbage".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        Profile p = LOADER.load(padded);
        assertThat(p.source().warnings()).singleElement().asString().contains("are not a JFR chunk");
        assertThat(p.eventCount(JfrTypes.EXECUTION_SAMPLE)).isEqualTo(LOADER.load(file).eventCount(JfrTypes.EXECUTION_SAMPLE));
    }

    @Test
    void gzipCompressedRecordingsAreUnpacked() throws Exception {
        Path file = TestFiles.sample("lock-contention.jfr");
        Path gz = dir.resolve("lock.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        Profile p = LOADER.load(gz);
        assertThat(p.source().format()).isEqualTo("JFR 2.1 (gzip)");
        assertThat(p.eventStats()).isEqualTo(LOADER.load(file).eventStats());
    }

    @Test
    void concatenatedRecordingsAreOneRecordingOfSeveralChunks() throws Exception {
        Path a = TestFiles.sample("cpu-hotspot.jfr");
        Path b = TestFiles.sample("lock-contention.jfr");
        Path both = dir.resolve("both.jfr");
        Files.write(both, Files.readAllBytes(a));
        Files.write(both, Files.readAllBytes(b), java.nio.file.StandardOpenOption.APPEND);
        Profile p = LOADER.load(both);
        assertThat(p.info().chunks()).isEqualTo(2);
        assertThat(p.samples(SampleKind.CPU).size()).isEqualTo(
                LOADER.load(a).samples(SampleKind.CPU).size() + LOADER.load(b).samples(SampleKind.CPU).size());
    }

    @Test
    void monitorEventsNameTheContendedClass() throws Exception {
        Profile p = LOADER.load(TestFiles.sample("lock-contention.jfr"));
        SampleSet enter = p.samples(SampleKind.MONITOR_ENTER);
        assertThat(enter.size()).isPositive();
        assertThat(p.symbols().get(enter.key(0))).isEqualTo("io.flightdeck.samples.scenario.AuditTrail");
        assertThat(enter.durationNanos(0)).isPositive();
        assertThat(p.threads().name(enter.thread(0))).startsWith("request-handler-");
    }

    @Test
    void gcPausesAreJoinedWithTheirHeapSizes() throws Exception {
        Profile p = LOADER.load(TestFiles.sample("allocation-churn.jfr"));
        assertThat(p.info().gc()).hasValue("Serial");
        assertThat(p.gcPauses()).isNotEmpty();
        assertThat(p.gcPauses()).allSatisfy(pause -> {
            assertThat(pause.heapBeforeBytes()).isPresent();
            assertThat(pause.heapAfterBytes()).isPresent();
            assertThat(pause.kind()).isIn(GcKind.YOUNG, GcKind.FULL);
        });
        assertThat(p.gcPauses().getFirst().heapAfterBytes().getAsLong())
                .isLessThan(p.gcPauses().getFirst().heapBeforeBytes().getAsLong());
        // one allocation-rate point per collection after the first
        assertThat(p.series(SeriesKey.ALLOCATION_RATE)).hasValueSatisfying(rate -> {
            assertThat(rate.size()).isEqualTo(p.gcEvents().size() - 1);
            assertThat(rate.value(0)).isPositive();
        });
    }

    @Test
    void progressRisesToOne() throws Exception {
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        new ProfileLoader(ImportOptions.defaults().withParallelism(2)).load(TestFiles.sample("multi-chunk.jfr"),
                (done, stage) -> seen.add(done), CancellationToken.none());
        assertThat(seen).isNotEmpty();
        assertThat(seen.getLast()).isEqualTo(1.0);
        assertThat(seen).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void aCancelledImportStops() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThatThrownBy(() -> LOADER.load(TestFiles.sample("multi-chunk.jfr"), ProgressListener.NONE, cancel))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void factsScopeCountsEverythingButDecodesOnlyTheJvmFacts() throws Exception {
        Path file = TestFiles.sample("cpu-hotspot.jfr");
        Profile facts = new ProfileLoader(ImportOptions.defaults().withScope(ImportOptions.Scope.FACTS)).load(file);
        assertThat(facts.eventStats()).isEqualTo(LOADER.load(file).eventStats());
        assertThat(facts.samples(SampleKind.CPU).size()).isZero();
        assertThat(facts.info().gc()).hasValue("G1");
    }

    private static List<String> stackNames(Profile p) {
        List<String> names = new ArrayList<>();
        SampleSet cpu = p.samples(SampleKind.CPU);
        for (int i = 0; i < cpu.size(); i++) {
            StringBuilder sb = new StringBuilder();
            int s = cpu.stack(i);
            for (int f = 0; s >= 0 && f < p.stacks().depth(s); f++) {
                sb.append(p.methods().qualifiedName(p.frames().method(p.stacks().frame(s, f)))).append(';');
            }
            names.add(sb.toString());
        }
        Collections.sort(names);
        return names;
    }
}
