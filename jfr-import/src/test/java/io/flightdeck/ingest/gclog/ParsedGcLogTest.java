package io.flightdeck.ingest.gclog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.DetectedFormat;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.TimeSeries;
import io.flightdeck.testing.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A log read together with a recording is parsed once: placed on the recording's JVM start, then placed again on
 * the start the shared collections refine, it must equal the log read afresh on that refined start (what
 * {@link ProfileLoader#loadTogether} did before, reading the files twice). Pairs of a log and a recording of one run:
 * sample-recordings/gclogs, and ../shared/corpus when present.
 */
class ParsedGcLogTest {
    private static final GcLogImporter IMPORTER = new GcLogImporter();
    private static final ProfileLoader LOADER = ProfileLoader.withDefaults();

    static Stream<String[]> pairs() throws Exception {
        List<String[]> pairs = new ArrayList<>();
        Path fresh = TestFiles.freshGcLogs();
        JsonNode manifest = new ObjectMapper().readTree(fresh.resolve("manifest.json").toFile());
        for (JsonNode e : manifest.get("entries")) {
            pairs.add(new String[]{fresh.resolve(e.get("file").asText()).toString(),
                    fresh.resolve(e.get("jfr").asText()).toString()});
        }
        Path corpus = TestFiles.corpus().resolve("recordings").resolve("jdk25");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> runs = Files.list(corpus)) {
                runs.sorted().forEach(run -> pairs.add(new String[]{run.resolve("bad.gc.log").toString(),
                        run.resolve("bad.jfr").toString()}));
            }
        } else {
            pairs.add(new String[]{"(corpus not present)", "(corpus not present)"});
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void placingTheParsedLogAgainEqualsReadingItAgain(String logName, String recordingName) throws Exception {
        Path logFile = Path.of(logName);
        Assumptions.assumeTrue(Files.exists(logFile), "../shared/corpus not present");
        Profile recording = LOADER.load(Path.of(recordingName));
        Instant jvmStart = recording.info().jvmStartTime().orElseThrow();
        List<Path> files = List.of(logFile);
        List<DetectedFormat> formats = List.of(FormatDetector.detect(logFile));

        ParsedGcLog parsed = IMPORTER.parse(files, formats, ProgressListener.NONE, CancellationToken.none());
        Profile first = parsed.placedAt(jvmStart);
        assertSameLog(IMPORTER.read(files, formats, jvmStart, ProgressListener.NONE, CancellationToken.none()), first);
        // the offset the collections both saw tell; any other offset must do as well where they agree already
        Duration offset = Optional.ofNullable(ProfileLoader.sharedCollectionOffset(recording, first))
                .orElse(Duration.ofMillis(7));
        Profile placedAgain = parsed.placedAt(jvmStart.plus(offset));
        Profile readAgain = IMPORTER.read(files, formats, jvmStart.plus(offset), ProgressListener.NONE,
                CancellationToken.none());
        assertSameLog(readAgain, placedAgain);
        if (first.info().jvmStartTime().equals(Optional.of(jvmStart))) {
            // a log without a wall clock of its own: every time moved by the offset
            assertEquals(Optional.of(jvmStart.plus(offset)), placedAgain.info().jvmStartTime());
            for (int i = 0; i < first.gcPauses().size(); i++) {
                assertEquals(first.gcPauses().get(i).start().plus(offset), placedAgain.gcPauses().get(i).start());
            }
        }
    }

    /** Everything a GC log's profile carries: its facts and times, its records, its series. */
    private static void assertSameLog(Profile expected, Profile actual) {
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.info(), actual.info());
        assertEquals(expected.gcPauses(), actual.gcPauses());
        assertEquals(expected.gcEvents(), actual.gcEvents());
        assertEquals(expected.gcPhases(), actual.gcPhases());
        assertEquals(expected.safepoints(), actual.safepoints());
        assertEquals(expected.stalls(), actual.stalls());
        for (SeriesKey key : SeriesKey.values()) {
            Optional<TimeSeries> e = expected.series(key);
            Optional<TimeSeries> a = actual.series(key);
            assertEquals(e.isPresent(), a.isPresent(), key.name());
            if (e.isPresent()) {
                assertArrayEquals(times(e.get()), times(a.get()), key.name());
                assertArrayEquals(values(e.get()), values(a.get()), key.name());
            }
        }
    }

    private static long[] times(TimeSeries s) {
        long[] t = new long[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.timeNanos(i);
        }
        return t;
    }

    private static double[] values(TimeSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.value(i);
        }
        return v;
    }
}
