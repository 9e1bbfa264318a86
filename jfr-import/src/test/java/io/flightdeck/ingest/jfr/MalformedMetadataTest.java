package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the fuzz harness (InputFuzzTest): a metadata type name that is not a Java name ("0dk.DumpReason") makes
 * the JDK's parser throw InternalError, which escaped as an internal error (exit 1). It is a damaged recording:
 * read what can be read, or say it cannot be read — never crash.
 */
class MalformedMetadataTest {
    @TempDir
    Path dir;

    private Path withTypeNameBroken(String sample, String typeName) throws Exception {
        byte[] b = Files.readAllBytes(TestFiles.sample(sample));
        byte[] name = typeName.getBytes(StandardCharsets.UTF_8);
        int found = 0;
        for (int i = 0; i + name.length <= b.length; i++) {
            boolean match = true;
            for (int j = 0; j < name.length && match; j++) {
                match = b[i + j] == name[j];
            }
            if (match) {
                b[i] = '0';
                found++;
            }
        }
        assertThat(found).as(typeName + " in " + sample).isPositive();
        return Files.write(dir.resolve("broken-" + sample), b);
    }

    @Test
    void aTypeNameThatIsNoJavaNameIsDamageNotACrash() throws Exception {
        for (String sample : new String[]{"cpu-hotspot.jfr", "multi-chunk.jfr"}) {
            Path broken = withTypeNameBroken(sample, "jdk.DumpReason");
            for (int parallelism : new int[]{1, 2}) {
                Throwable t = catchThrowable(() -> {
                    Profile p = new ProfileLoader(ImportOptions.defaults().withParallelism(parallelism)).load(broken);
                    assertThat(p.source().warnings()).as(sample + " read with a warning").isNotEmpty();
                });
                assertThat(t == null || t instanceof ImportException).as(sample + " at parallelism " + parallelism
                        + ": " + t).isTrue();
            }
        }
    }
}
