package io.flightdeck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.model.SourceKind;
import io.flightdeck.testing.TestFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir
    Path dir;

    @Test
    void recognisesJfr2() throws Exception {
        DetectedFormat f = FormatDetector.detect(TestFiles.sample("cpu-hotspot.jfr"));
        assertThat(f.kind()).isEqualTo(SourceKind.JFR);
        assertThat(f.format()).isEqualTo("JFR 2.1");
        assertThat(f.gzip()).isFalse();
    }

    @Test
    void recognisesGzipCompressedJfr2() throws Exception {
        Path gz = gzip(TestFiles.sample("cpu-hotspot.jfr"));
        DetectedFormat f = FormatDetector.detect(gz);
        assertThat(f.kind()).isEqualTo(SourceKind.JFR);
        assertThat(f.gzip()).isTrue();
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertThatThrownBy(() -> FormatDetector.detect(empty)).isInstanceOf(ImportException.class)
                .hasMessage("empty.jfr: file is empty");
    }

    @Test
    void rejectsPlainTextNamingWhatItIs() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "just some notes\nnothing to see\n");
        assertThatThrownBy(() -> FormatDetector.detect(text)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("notes.jfr: not a JFR recording, GC log or class histogram (it is text")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsRandomBytes() throws Exception {
        byte[] noise = new byte[100_000];
        new Random(42).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.bin"), noise);
        assertThatThrownBy(() -> FormatDetector.detect(random)).isInstanceOf(ImportException.class)
                .hasMessageContaining("not a JFR recording, GC log or class histogram (binary data");
    }

    @Test
    void rejectsJfr1NamingTheVersion() throws Exception {
        Path old = Files.write(dir.resolve("old.jfr"), header(1, 0));
        assertThatThrownBy(() -> FormatDetector.detect(old)).isInstanceOf(ImportException.class)
                .hasMessageContaining("JFR 1.0 recording").hasMessageContaining("JDK 9 or 10");
    }

    @Test
    void rejectsGzippedJfr09NamingVersionAndCompression() throws Exception {
        Path raw = Files.write(dir.resolve("raw.jfr"), header(0, 9));
        Path gz = gzip(raw);
        assertThatThrownBy(() -> FormatDetector.detect(gz)).isInstanceOf(ImportException.class)
                .hasMessageContaining("JFR 0.9 recording, gzip-compressed");
    }

    @Test
    void rejectsMissingFile() {
        assertThatThrownBy(() -> FormatDetector.detect(dir.resolve("nope.jfr"))).isInstanceOf(ImportException.class)
                .hasMessage("nope.jfr: no such file");
    }

    @Test
    void recognisesUnifiedGcLog() throws Exception {
        Path log = Files.writeString(dir.resolve("gc.txt"), """
                [0.005s][info][gc] Using G1
                [0.012s][info][gc,init] Version: 25.0.3+9-LTS (release)
                [1.234s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)
                [1.240s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 6.123ms
                """);
        DetectedFormat f = FormatDetector.detect(log);
        assertThat(f.kind()).isEqualTo(SourceKind.GC_LOG);
        assertThat(f.format()).isEqualTo("unified");
    }

    @Test
    void recognisesLegacyGcLog() throws Exception {
        Path log = Files.writeString(dir.resolve("gc8.log"), """
                Java HotSpot(TM) 64-Bit Server VM (25.121-b13) for linux-amd64 JRE (1.8.0_121-b13)
                CommandLine flags: -XX:+PrintGCDetails
                2017-02-01T10:00:00.123+0100: 0.512: [GC (Allocation Failure) [PSYoungGen: 33280K->5104K(38400K)] 33280K->5112K(125952K), 0.0041 secs]
                """);
        DetectedFormat f = FormatDetector.detect(log);
        assertThat(f.kind()).isEqualTo(SourceKind.GC_LOG);
        assertThat(f.format()).isEqualTo("legacy");
    }

    @Test
    void recognisesClassHistogram() throws Exception {
        Path histo = Files.writeString(dir.resolve("histo.txt"), """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         12345        1234560  [B (java.base@25.0.3)
                   2:          5000         120000  java.lang.String (java.base@25.0.3)
                """);
        assertThat(FormatDetector.detect(histo).kind()).isEqualTo(SourceKind.CLASS_HISTOGRAM);
    }

    @Test
    void externalCorpusPreV2RecordingsAreRejected() throws Exception {
        Path jfr = TestFiles.externalCorpus().resolve("jfr");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(jfr), "../shared/external-corpus not present");
        assertThatThrownBy(() -> FormatDetector.detect(jfr.resolve("9u0.jfr"))).hasMessageContaining("JFR 1.0");
        assertThatThrownBy(() -> FormatDetector.detect(jfr.resolve("7u40.jfr")))
                .hasMessageContaining("JFR 0.9 recording, gzip-compressed");
    }

    private static byte[] header(int major, int minor) {
        byte[] b = new byte[68];
        byte[] magic = "FLR\0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, b, 0, 4);
        b[5] = (byte) major;
        b[7] = (byte) minor;
        return b;
    }

    private Path gzip(Path source) throws IOException {
        Path target = dir.resolve(source.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }
}
