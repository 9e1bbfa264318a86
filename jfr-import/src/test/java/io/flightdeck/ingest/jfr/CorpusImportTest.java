package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The planted-bottleneck corpus in ../shared (when present): counts equal jfr summary; cut copies still read. */
class CorpusImportTest {
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();

    @TempDir
    Path dir;

    static Stream<Path> recordings() throws Exception {
        Path root = TestFiles.corpus().resolve("recordings");
        if (!Files.isDirectory(root)) {
            return Stream.of(Path.of("(corpus not present)"));
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void countsEqualJfrSummary(Path file) throws Exception {
        Assumptions.assumeTrue(Files.exists(file), "../shared/corpus not present");
        Profile p = LOADER.load(file);
        for (Map.Entry<String, Long> e : TestFiles.jfrSummaryCounts(file).entrySet()) {
            assertThat(p.eventCount(e.getKey())).as(file + " " + e.getKey()).isEqualTo(e.getValue());
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void aCopyCutAt60PercentStillHasData(Path file) throws Exception {
        Assumptions.assumeTrue(Files.exists(file), "../shared/corpus not present");
        Profile p = LOADER.load(TestFiles.cut(file, 0.6, dir));
        assertThat(p.source().warnings()).isNotEmpty();
        long events = p.eventStats().values().stream().mapToLong(s -> s.count()).sum();
        assertThat(events).isPositive();
        for (String type : List.of(JfrTypes.EXECUTION_SAMPLE, JfrTypes.JAVA_MONITOR_ENTER, JfrTypes.GARBAGE_COLLECTION)) {
            assertThat(p.eventCount(type)).as(type).isLessThanOrEqualTo(LOADER.load(file).eventCount(type));
        }
    }
}
