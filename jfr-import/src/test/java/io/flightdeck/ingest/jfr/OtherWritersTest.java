package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Recordings from JFR writers other than the JDK (see src/test/resources/wild/README.md). */
class OtherWritersTest {
    static Path wild(String name) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/wild")
                .resolve(name);
    }

    @Test
    void aCheckpointWithAnEmptyConstantPoolIsReadWithANote() throws Exception {
        for (int parallelism : new int[]{1, 2}) {
            ProfileLoader loader = new ProfileLoader(ImportOptions.defaults().withParallelism(parallelism));
            Profile p = loader.load(wild("FastSlow_2024_01_16_180855.jfr.gz"));
            // the JDK's parser refuses the chunk with two empty pools; every chunk is read now
            assertThat(p.source().warnings()).anyMatch(w -> w.contains("2 empty constant pools"));
            assertThat(p.eventCount("jdk.ExecutionSample")).isEqualTo(1012);
            assertThat(p.eventCount("jdk.ObjectAllocationSample")).isEqualTo(6);
        }
    }
}
